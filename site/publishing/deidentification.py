"""The de-identification check of the legal review (base/legal_review.py).

Objects declaring `personal_data_fields` (text fields) and optionally `personal_data_files`
(document, image or file fields, whose file names and titles are checked) are searched for private
persons' identifiers (core/personal_data.py) in the revision under review. Each finding is a flag
the reviewer must resolve (PersonalDataResolution, recorded with who, when and why) or send back
with "request changes"; the approval waits until none is open.
"""
import os
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from core.personal_data import find_personal_data
from core.segmentation import plain_text

from .forms import ResolveFlagsForm
from .models import FlagKind, PersonalDataResolution

RESOLVE_ACTION = "publishing.resolve_personal_data"


@dataclass(frozen=True)
class Flag:
    kind: str
    text: str
    where: str  # the field's name as editors see it

    @property
    def key(self):
        return f"{self.kind}:{self.text}"

    @property
    def kind_label(self):
        return FlagKind(self.kind).label


def under_review(obj):
    """The object as it will be published: its latest revision."""
    latest = getattr(obj, "get_latest_revision_as_object", None)
    return latest() if latest else obj


def _file_texts(value):
    if not value:
        return []
    file = getattr(value, "file", value)
    texts = [os.path.basename(getattr(file, "name", "") or "")]
    if getattr(value, "title", None):
        texts.append(value.title)
    return texts


def texts_of(obj):
    """(where, text) of every checked field and attachment name."""
    for name in getattr(obj, "personal_data_fields", ()):
        yield obj._meta.get_field(name).verbose_name, plain_text(getattr(obj, name))
    for name in getattr(obj, "personal_data_files", ()):
        where = _("%(field)s (file name)") % {"field": obj._meta.get_field(name).verbose_name}
        for text in _file_texts(getattr(obj, name)):
            yield where, text


def flags_of(obj):
    flags = {}
    for where, text in texts_of(obj):
        for finding in find_personal_data(text):
            flags.setdefault((finding.kind, finding.text), Flag(finding.kind, finding.text, str(where)))
    return list(flags.values())


def _resolutions(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    base_type = ContentType.objects.get_for_model(obj._meta.concrete_model)
    return PersonalDataResolution.objects.filter(
        content_type__in={content_type, base_type}, object_id=str(obj.pk)
    )


def open_flags(obj):
    checked = under_review(obj)
    if not getattr(checked, "personal_data_fields", None):
        return []
    resolved = set(_resolutions(checked).values_list("kind", "text"))
    return [flag for flag in flags_of(checked) if (flag.kind, flag.text) not in resolved]


class PersonalDataCheck:
    action = "resolve_personal_data"
    label = _("Resolve personal data flags")
    refusal = _("Resolve every personal data flag before approving.")
    form_class = ResolveFlagsForm
    template_name = "publishing/resolve_flags_modal.html"

    def open_flags(self, obj):
        return open_flags(obj)

    @transaction.atomic
    def resolve(self, obj, user, flags=(), note="", **kwargs):
        checked = under_review(obj)
        open_by_key = {flag.key: flag for flag in open_flags(checked)}
        chosen = [open_by_key[key] for key in flags if key in open_by_key]
        if not chosen:
            raise PermissionDenied(_("None of the ticked flags is open."))
        content_type = ContentType.objects.get_for_model(checked._meta.concrete_model)
        for flag in chosen:
            PersonalDataResolution.objects.get_or_create(
                content_type=content_type, object_id=str(checked.pk), kind=flag.kind, text=flag.text,
                defaults={"note": note, "resolved_by": user},
            )
        log(checked, RESOLVE_ACTION, user=user, data={
            "flags": [{"kind": flag.kind, "text": flag.text, "where": flag.where} for flag in chosen], "note": note,
        })
        return None


personal_data_check = PersonalDataCheck()
