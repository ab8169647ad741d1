"""Phrases that address a language model rather than a reader: prompt injection.

An outlet's text that tells "the assistant" to ignore its instructions, or to write that
something happened, is an attack on whoever feeds it to a model, not news. The phrases are
regular expressions over lower-cased text, matched anywhere in a sentence.

Example:
    >>> import re
    >>> any(re.search(p, "please ignore all previous instructions") for p in INSTRUCTION_CUES)
    True
"""

from __future__ import annotations

_PRIOR = (
    r"(?:all\s+|any\s+|the\s+|your\s+|of\s+the\s+)*"
    r"(?:previous|prior|above|earlier|preceding|original|system)"
)
_ORDERS = r"(?:instructions?|prompts?|directions?|rules?|guidelines?|context|messages?)"
_MACHINE = r"(?:language\s+model|llm|chatbot|ai\s+assistant|the\s+assistant)s?"
_WRITE = r"(?:write|say|state|report|claim|summari[sz]e)"
INSTRUCTION_CUES = (
    rf"\b(?:ignore|disregard|forget|override|bypass)\s+{_PRIOR}\s+{_ORDERS}",
    r"\b(?:ignore|disregard|forget)\s+(?:all|everything)\s+(?:you\s+(?:were|have\s+been)\s+told|above)",
    r"\bnew\s+instructions?\s*:",
    r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b",
    r"\byou\s+are\s+now\s+(?:a|an|in)\b",
    r"\bas\s+an\s+ai\s+(?:language\s+)?model\b",
    rf"\b{_MACHINE}\s*(?:,|:|must|should|will)\s+{_WRITE}\b",
    r"\b(?:summari[sz]ers?|summaries|your\s+summary)\s+(?:must|should)\s+(?:say|state|claim|report|include)\b",
    r"(?:^|[.!?]\s+)(?:now\s+)?(?:write|say|state|claim)\s+that\b",
    r"<\|?(?:im_start|im_end|system|assistant|user)\|?>",
    r"\[/?inst\]|###\s*(?:instruction|system|assistant)",
)
