"""The staff roles as Django groups. Their permissions are granted by data migrations."""
EDITORS = "编辑 Editors"
REVIEWERS = "审核 Reviewers"
HOSTS = "主持人 Hosts"
JUDGES = "评委 Judges"

ALL = (EDITORS, REVIEWERS, HOSTS, JUDGES)


def in_group(user, group_name):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=group_name).exists()
    )
