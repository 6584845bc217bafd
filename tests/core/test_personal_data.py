"""The de-identification check: ID-card numbers, phone numbers and private persons' full names."""
import pytest

from core.personal_data import ID_CARD, NAME, PHONE, find_personal_data, id_card_checksum_ok


def found(text):
    return [(finding.kind, finding.text) for finding in find_personal_data(text)]


@pytest.mark.parametrize("number", ["11010519491231002X", "330381198001011236", "440304198506152010"])
def test_valid_18_digit_id_cards(number):
    assert id_card_checksum_ok(number)
    assert found(f"身份证号{number}。") == [(ID_CARD, number)]


def test_a_lowercase_check_character_counts():
    assert found("证件号11010519491231002x") == [(ID_CARD, "11010519491231002x")]


@pytest.mark.parametrize("number", [
    "110105194912310021",   # wrong check character
    "110105194913310028",   # month 13
    "1101051949123100211",  # 19 digits
])
def test_18_digits_that_are_no_id_card(number):
    assert found(number) == []


def test_15_digit_id_cards():
    assert found("老证号130503670401001") == [(ID_CARD, "130503670401001")]
    assert found("130503671301001") == []  # month 13


@pytest.mark.parametrize("text, number", [
    ("联系电话13812345678。", "13812345678"),
    ("手机：138-1234-5678", "138-1234-5678"),
    ("手机 138 1234 5678", "138 1234 5678"),
    ("+86 13912345678", "+86 13912345678"),
    ("办公室0577-65123456", "0577-65123456"),
    ("（0577）65123456", "（0577）65123456"),
])
def test_phone_numbers(text, number):
    assert found(text) == [(PHONE, number)]


@pytest.mark.parametrize("text", [
    "罚款20000元", "瑞应急罚〔2019〕12号", "2019年6月5日", "订单号12345678901234", "12345678901",
    "编号A13812345678",
])
def test_numbers_that_are_no_phone(text):
    assert found(text) == []


@pytest.mark.parametrize("text, name", [
    ("负责人张三擅自储存危化品", "张三"),
    ("经营者：李小明，男，45岁", "李小明"),
    ("驾驶员欧阳娜娜未取得从业资格", "欧阳娜娜"),
    ("当事人为周杰", "周杰"),
    ("车主刘德华驾驶", "刘德华"),
    ("姓名：王芳", "王芳"),
    ("陈建国，男，1975年出生", "陈建国"),
    ("黄丽（女）", "黄丽"),
    ("赵磊身份证复印件", "赵磊"),
])
def test_full_names_of_persons(text, name):
    assert found(text) == [(NAME, name)]


@pytest.mark.parametrize("text", [
    "法定代表人王某某", "当事人陈某", "负责人张某未组织培训",     # already masked
    "某某化工有限公司负责人", "瑞安市应急管理局", "安全员未到岗",  # companies and roles
    "负责人安全意识淡薄", "经营者明知不符合", "责任人应急处置不力",  # a surname starting a word
    "王家村文化礼堂", "张江高科技园区", "黄河路加油站",          # places with surnames in them
])
def test_masked_names_companies_roles_and_places_are_not_flagged(text):
    assert found(text) == []


def test_several_findings_in_order_without_overlaps():
    text = "负责人张三（身份证号330381198001011236，电话13812345678）"
    assert found(text) == [(NAME, "张三"), (ID_CARD, "330381198001011236"), (PHONE, "13812345678")]


def test_file_names_are_checked_like_text():
    assert found("王五的身份证.jpg") == [(NAME, "王五")]
    assert found("13812345678现场照片.png") == [(PHONE, "13812345678")]
    assert found("整改通知书.pdf") == []
