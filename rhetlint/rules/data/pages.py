"""The documentation page of a data rule, written from its spec in the section layout every rule uses."""

from __future__ import annotations

from rhetlint.rules.data.schema import RuleSpec


def doc_page(spec: RuleSpec) -> str:
    """The page ``rhetlint explain`` shows: generated from the patterns where the table says nothing."""
    shown = ", ".join(f"`{p}`" for p, _ in spec.listed[:12])
    more = f" and {len(spec.listed) - 12} more" if len(spec.listed) > 12 else ""
    forms = {"verb": " (in every verb form)", "noun": " (singular and plural)"}.get(spec.inflect, "")
    few = ", ".join(p for p, _ in spec.listed[:3]) + (", …" if len(spec.listed) > 3 else "")
    summary = spec.summary or (
        f"Wording the style guide avoids: {few}."
        if spec.kind == "existence"
        else f"Wording the style guide replaces: {few}."
    )
    flags = spec.description or f"The words and phrases {shown}{more}{forms}."
    if spec.quote_aware:
        flags += "\nWords inside a direct quotation are the speaker's and are not flagged."
    first = spec.listed[0][0]
    example = spec.example or f"… {first} …"
    if spec.instead:
        instead = spec.instead
    elif spec.kind == "substitution" or spec.replacement is not None:
        instead = "\n".join(f"- `{p}` → `{r}`" if r else f"- delete `{p}`" for p, r in spec.listed)
    else:
        instead = "Rephrase without it."
    example_block = "\n".join("    " + line for line in example.splitlines())
    return (
        f"{summary}\n\n## What it flags\n{flags}\n\n## Why it matters\n{spec.why}\n\n"
        f"## Example\n{example_block}\n\n## Instead\n{instead}\n"
    )
