"""Shell completion of the values csplan knows: the ids, categories and years in the store, and
the words of its vocabularies.

Each function is a Typer `autocompletion`: Typer offers what starts with the word being typed.
Ids come with their names, which zsh and fish show beside them. The store is read as any command
reads it (through the parse cache); a store that cannot be read completes nothing, silently.
"""

import typer


def _store(ctx: typer.Context):
    from ..store import load
    from .app import store_location

    try:
        return load(store_location(ctx).path)
    except Exception:  # completion must never fail: an unreadable store offers nothing
        return None


def indicators(ctx: typer.Context, incomplete: str) -> list[str]:
    """Indicator ids."""
    store = _store(ctx)
    return [i for i in store.indicators if i.startswith(incomplete)] if store else []


def regions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Region ids, with their names."""
    store = _store(ctx)
    return [(r.id, r.name) for r in store.regions.values()] if store else []


def sources(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Source ids, with the dates of the reports."""
    store = _store(ctx)
    return [(s.id, s.date or "") for s in store.sources.values()] if store else []


def categories(ctx: typer.Context, incomplete: str) -> list[str]:
    """The categories the store's indicators have."""
    store = _store(ctx)
    return sorted({i.category for i in store.indicators.values() if i.category}) if store else []


def years(ctx: typer.Context, incomplete: str) -> list[str]:
    """The years the store has figures or targets for."""
    store = _store(ctx)
    return [str(y) for y in sorted({f.year for f in store.figures})] if store else []


def every_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """Every category an indicator may have."""
    from ..model import CATEGORIES

    return list(CATEGORIES)


def qualifiers(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..model import QUALIFIERS

    return list(QUALIFIERS)


def statuses(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..model import STATUSES

    return list(STATUSES)


def record_formats(ctx: typer.Context, incomplete: str) -> list[str]:
    """The formats `import` reads."""
    from ..edit import RECORD_FORMATS

    return list(RECORD_FORMATS)
