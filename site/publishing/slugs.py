"""Pinyin slugs for pages with Chinese titles, set on save (core/pinyin_slugs.py).

The admin's slug field fills itself from the title in the browser, which keeps Chinese (a long
percent-encoded address once published); a new page, or one never published and without
children, whose slug is empty or not ASCII gets the short pinyin slug instead, unique among its
siblings.
"""
from django.db.models.signals import pre_save
from wagtail.models import Page

from core.pinyin_slugs import pinyin_slug


def needs_pinyin(page):
    return not page.slug or not page.slug.isascii()


def unique_slug(page, parent, base):
    slug, number = base, 1
    while not Page._slug_is_available(slug, parent, page):
        number += 1
        slug = f"{base}-{number}"
    return slug


def set_pinyin_slug(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or not needs_pinyin(instance):
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    if instance.pk and Page.objects.filter(pk=instance.pk).exclude(first_published_at=None, numchild=0).exists():
        return  # its address is public, or its children's addresses hang on it
    base = pinyin_slug(instance.title) or pinyin_slug(instance.slug)
    parent = instance.get_parent() if instance.path else None
    if not base or parent is None:
        return
    instance.slug = unique_slug(instance, parent, base)
    instance.set_url_path(parent)


def connect():
    pre_save.connect(set_pinyin_slug, dispatch_uid="publishing-pinyin-slugs")
