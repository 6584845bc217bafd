"""The seeded codes and default labels. Codes never change; labels may be edited by staff."""
VENUES = [
    ("enterprise", "企业"),
    ("school", "学校"),
    ("office", "机关"),
    ("community", "社区"),
    ("village", "农村"),
    ("family", "家庭"),
    ("public-place", "公共场所"),
]

CAMPAIGN_AREAS = [
    ("fire", "消防安全"),
    ("road-traffic", "道路交通安全"),
    ("hazardous-chemicals", "危险化学品"),
    ("fishing-vessels", "渔业船舶"),
    ("dilapidated-houses", "城乡危旧房"),
    ("construction", "建筑施工"),
    ("urban-safety", "城市安全治理"),
]
