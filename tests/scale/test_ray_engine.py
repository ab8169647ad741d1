"""The Ray engine: the same features as the local path, on a local Ray instance."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.grouping.features import featurize
from storygold import own_set


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
def test_ray_features_equal_local_features(local_ray: None) -> None:
    from newsweave.scale.ray_engine import featurize_with_ray

    arts, _ = own_set("close-events")
    remote = featurize_with_ray(arts, "lexical", batch_size=16, num_cpus=1)
    local = featurize(arts, "lexical")
    assert remote.ids == local.ids
    assert np.array_equal(remote.days, local.days)
    assert (remote.words != local.words).nnz == 0
    assert np.allclose(remote.dense, local.dense)
