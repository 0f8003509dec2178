"""Rendering of the portal's emails from templates (subject, text and HTML parts)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def render_mail(template_base: str, context: dict) -> tuple[str, str, str]:
    """Render `<template_base>_subject.txt`, `.txt` and `.html` in Dutch."""
    context = {
        "site_url": settings.SITE_URL,
        "municipality_name": settings.MUNICIPALITY_NAME,
        **context,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_base}_subject.txt", context).strip()
        text = render_to_string(f"{template_base}.txt", context)
        html = render_to_string(f"{template_base}.html", context)
    return settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split()), text, html


def build_message(
    to: str, template_base: str, context: dict, headers=None
) -> EmailMultiAlternatives:
    subject, text, html = render_mail(template_base, context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message
