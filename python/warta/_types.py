"""The shapes of the dicts warta returns. Offsets are Python ``str`` indices, end-exclusive."""

from __future__ import annotations

from typing import Any, Optional, TypedDict


class Paragraph(TypedDict):
    start: int
    end: int
    kind: str  # title | dateline | body | subheading | credit | related


class Credits(TypedDict):
    text: str
    start: int
    end: int
    authors: list[str]
    agencies: list[str]


class Dateline(TypedDict):
    text: str
    start: int
    end: int
    place: Optional[str]
    agency: Optional[str]
    date: Optional[str]


class Mention(TypedDict):
    text: str
    start: int
    end: int
    label: str  # PER | ORG | LOC
    entity: int


class Entity(TypedDict):
    id: int
    name: str
    label: str
    roles: list[str]
    aliases: list[str]
    mentions: int
    kb_id: Optional[str]


class Acronym(TypedDict):
    short: str
    long: str


class DateMention(TypedDict):
    text: str
    start: int
    end: int
    value: Optional[str]
    grain: str
    relative: bool


class Quote(TypedDict):
    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    speaker: Optional[str]
    speaker_entity: Optional[int]
    cue: Optional[str]


class Article(TypedDict):
    id: Any
    lang: Optional[str]
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    meta: dict[str, Any]
    paragraphs: list[Paragraph]
    subheadings: list[str]
    credits: Optional[Credits]
    dateline: Optional[Dateline]
    mentions: list[Mention]
    entities: list[Entity]
    acronyms: list[Acronym]
    dates: list[DateMention]
    quotes: list[Quote]
    errors: list[str]
