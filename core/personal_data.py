"""Private persons' identifiers in text: ID-card numbers, phone numbers and full names.

Published exposures name companies and roles, never a private person's identifiers; this finds
the ones to check before a text is reviewed. Plain Python, no Django.

- ID cards: 18 digits whose last is the GB 11643 check character, or the old 15 digits, each
  with a valid birth date.
- Phones: mainland mobiles (1[3-9] and 9 digits, spaces or hyphens allowed) and landlines with
  an area code (0577-65123456).
- Names: a common surname and one or two more characters after a word naming a person's role
  (负责人、经营者、驾驶员…) or after 姓名, or before a gender (张三，男，) or an ID document
  (张三身份证). Names already masked (张某、李某某) are left alone, as are companies and roles.
"""
import re
from dataclasses import dataclass
from functools import cache

import jieba

ID_CARD = "id_card"
PHONE = "phone"
NAME = "name"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"

_NOT_DIGIT_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_DIGIT_AFTER = r"(?![0-9A-Za-z])"
_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
ID_18 = re.compile(_NOT_DIGIT_BEFORE + r"[1-9]\d{5}(?:18|19|20)\d{2}" + _DATE + r"\d{3}[\dXx]" + _NOT_DIGIT_AFTER)
ID_15 = re.compile(_NOT_DIGIT_BEFORE + r"[1-9]\d{5}\d{2}" + _DATE + r"\d{3}" + _NOT_DIGIT_AFTER)
MOBILE = re.compile(_NOT_DIGIT_BEFORE + r"(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}" + _NOT_DIGIT_AFTER)
LANDLINE = re.compile(_NOT_DIGIT_BEFORE + r"[(（]?0\d{2,3}[)）]?[- ]?[2-9]\d{6,7}" + _NOT_DIGIT_AFTER)

SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 "
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 "
    "潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 "
    "邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 "
    "邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 "
    "梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 "
    "艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 "
    "全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝"
).split()
# Words naming a private person's role in a case; a name may follow.
ROLES = (
    "法定代表人 实际控制人 法人代表 负责人 经营者 经营户 个体户 业主 户主 房东 租户 承租人 出租人 当事人 驾驶员 驾驶人 "
    "司机 船长 船主 船东 车主 店主 老板 雇主 作业人员 安全员 监护人 责任人 股东 投资人 举报人 死者 伤者 遇难者 "
    "嫌疑人 违法行为人 姓名"
).split()
# Characters that end a name rather than continue it (张三擅自…, 李四未…).
_ENDINGS = set("擅未在于因等的对将被已无违私拒是为和与及称说所从向到把让由系驾开经负承")
# A surname and the next character making a common word (安全, 文化, 明知) start no name.
COMMON_WORD = 300
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SURNAME = "|".join(sorted(SURNAMES, key=len, reverse=True))
_ROLE = "|".join(sorted(ROLES, key=len, reverse=True))
# role (then an optional colon, "为" or "是"), surname, the rest of the name
NAME_AFTER_ROLE = re.compile(rf"(?:{_ROLE})[:：\s]*(?:为|是)?\s*((?:{_SURNAME})[\u4e00-\u9fff]{{1,2}})")
# surname and name, then a gender or an ID document
NAME_BEFORE_DETAIL = re.compile(
    rf"((?:{_SURNAME})[\u4e00-\u9fff]{{1,2}})(?:[，,（(、\s]\s*[男女][，,）)、\s]|的?(?:身份证|户口本|驾驶证|签名|手印))"
)


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int


def id_card_checksum_ok(number):
    number = number.upper()
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _WEIGHTS))
    return _CHECK_CHARACTERS[total % 11] == number[17]


def _trim_name(name, surname_length):
    """The surname and one or two characters, stopping where a verb or particle starts."""
    given = name[surname_length:]
    if len(given) == 2 and given[1] in _ENDINGS:
        given = given[:1]
    return name[:surname_length] + given


@cache
def _dictionary():
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ


def _is_common_word(name, surname_length):
    return surname_length == 1 and _dictionary().get(name[:2], 0) >= COMMON_WORD


def _surname_length(name):
    return 2 if name[:2] in SURNAMES else 1


def _names(text):
    for pattern in (NAME_AFTER_ROLE, NAME_BEFORE_DETAIL):
        for match in pattern.finditer(text):
            raw = match.group(1)
            length = _surname_length(raw)
            name = _trim_name(raw, length)
            given = name[length:]
            if not given or given[0] == "某" or not all(_CJK.match(char) for char in given):
                continue
            if given[0] in _ENDINGS or _is_common_word(name, length):
                continue
            start = match.start(1)
            yield Finding(NAME, name, start, start + len(name))


def find_personal_data(text):
    """Every identifier found in `text`, in order of position, without overlaps."""
    text = text or ""
    found = []
    for match in ID_18.finditer(text):
        if id_card_checksum_ok(match.group()):
            found.append(Finding(ID_CARD, match.group(), match.start(), match.end()))
    found.extend(Finding(ID_CARD, match.group(), match.start(), match.end()) for match in ID_15.finditer(text))
    for pattern in (MOBILE, LANDLINE):
        found.extend(Finding(PHONE, match.group(), match.start(), match.end()) for match in pattern.finditer(text))
    found.extend(_names(text))
    kept, taken = [], set()
    for finding in sorted(found, key=lambda item: (item.start, -(item.end - item.start))):
        span = set(range(finding.start, finding.end))
        if not span & taken:
            kept.append(finding)
            taken |= span
    return kept
