"""Short ASCII slugs for Chinese titles: the pinyin of each word, words joined by hyphens
(安全生产月活动 -> anquan-shengchan-yue-huodong), cut at a word boundary. Plain Python."""
import re
from functools import cache

import jieba
from pypinyin import Style, lazy_pinyin

MAX_LENGTH = 40
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@cache
def _tokenizer():
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def pinyin_slug(title, max_length=MAX_LENGTH):
    """The slug of `title`, or "" when it has no letters, digits or Chinese characters."""
    words = []
    for word in _tokenizer().cut(title or "", HMM=False):
        syllables = "".join(lazy_pinyin(word, style=Style.NORMAL, errors="default"))
        part = _NOT_SLUG.sub("-", syllables.lower().replace("ü", "v")).strip("-")
        if part:
            words.append(part)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")
