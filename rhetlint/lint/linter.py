"""Run the selected rules over a document, apply suppressions and turn findings into diagnostics."""

from __future__ import annotations

import traceback
from pathlib import Path

from rhetlint.hooks.manager import PluginSet, one_line
from rhetlint.lint.budget import RuleTimeout, time_budget
from rhetlint.lint.config import Config, ConfigError
from rhetlint.lint.files import InputError
from rhetlint.lint.ignore import PathPatterns
from rhetlint.lint.suppressions import parse_directives
from rhetlint.model.diagnostics import Diagnostic, Finding, Position
from rhetlint.model.document import Document, LintContext
from rhetlint.model.spans import SpanIndex
from rhetlint.rules import Options, Rule
from rhetlint.rules.selection import Decisions, Selection, is_selector, matches

UNUSED_SUPPRESSION = "RL001"
RULE_ERROR = "RL900"


class Linter:
    """Lint documents with one plugin set and one configuration."""

    def __init__(self, plugins: PluginSet, config: Config | None = None, selection: Selection | None = None):
        # the linter fills the document model's analysis registry; imported here, not at start-up
        import rhetlint.analysis  # noqa: F401

        self.plugins = plugins
        self.registry = plugins.registry
        self.config = config or Config()
        self.selection = selection or Selection()
        self.decisions = Decisions(self.registry, self.config, self.selection)
        self.decisions.validate()
        self._options: dict[str, Options] = {}
        self._per_file: list[tuple[PathPatterns, bool, list[str]]] | None = None

    # --- selection -------------------------------------------------------------------------------
    def _ignores_for(self, path: str | None) -> tuple[str, ...]:
        """The selectors ``per-file-ignores`` adds for ``path``: gitignore patterns relative to the
        configuration's folder; a pattern starting with ``!`` applies to the files it does not match."""
        if not path or not self.config.per_file_ignores:
            return ()
        candidate = Path(path)
        extra: list[str] = []
        for pattern, negated, selectors in self._per_file_patterns():
            if pattern.matches(candidate) != negated:
                extra.extend(selectors)
        return tuple(extra)

    def _per_file_patterns(self) -> list[tuple[PathPatterns, bool, list[str]]]:
        if self._per_file is None:
            self._per_file = [
                (
                    PathPatterns.compile([key.removeprefix("!")], self.config.root),
                    key.startswith("!"),
                    selectors,
                )
                for key, selectors in self.config.per_file_ignores.items()
            ]
        return self._per_file

    def rules_for(self, path: str | None = None) -> list[Rule]:
        """The rules that run on ``path`` (its per-file ignores applied)."""
        return self.decisions.rules(self._ignores_for(path))

    def options_for(self, rule: Rule) -> Options:
        options = self._options.get(rule.code)
        if options is None:
            overrides = dict(self.config.rule_options(rule.code, rule.name))
            if "quote_aware" in rule.options and not self.config.quote_aware:
                overrides.setdefault("quote_aware", False)
            options = rule.resolve_options(overrides, self.config.root)
            self._options[rule.code] = options
        return options

    def severity_for(self, rule: Rule) -> str:
        return self.decisions.severity(rule)

    # --- linting ---------------------------------------------------------------------------------
    def parse(self, source: str, path: str | None = None, format: str | None = None) -> Document:
        """Parse a draft; a parser that fails raises InputError, so one bad file is one error line."""
        try:
            doc = self.plugins.manager.hook.rhetlint_parse_document(path=path, source=source, format=format)
        except RecursionError:
            raise InputError("cannot be parsed: nested too deeply") from None
        except Exception as exc:  # noqa: BLE001 - a parser's bug must not sink the run
            raise InputError(f"cannot be parsed: {type(exc).__name__}: {one_line(exc)}") from None
        if doc is None:  # pragma: no cover - the built-in parser always answers
            raise InputError("no parser accepted it")
        doc.context = LintContext(sides=self.config.sides)
        return doc

    def lint_source(
        self, source: str, path: str | None = None, format: str | None = None
    ) -> list[Diagnostic]:
        return self.lint(self.parse(source, path, format))

    def lint(self, doc: Document, rules: list[Rule] | None = None) -> list[Diagnostic]:
        path = doc.path or "-"
        rules = self.rules_for(doc.path) if rules is None else rules
        raw: list[tuple[Rule, Finding]] = []
        problems: list[Diagnostic] = []
        for rule in rules:
            if rule.category == "meta":
                continue
            budget = self.config.rule_time_budget
            try:
                with time_budget(budget):
                    for finding in rule.run(doc, self.options_for(rule)):
                        problem = _malformed(finding, doc)
                        if problem:
                            problems.append(
                                self._rule_error(doc, path, rule, f"returned a malformed finding: {problem}")
                            )
                            break
                        raw.append((rule, finding))
            except ConfigError:
                raise  # a rule's configuration (a user lexicon, say) is broken: a one-line input error
            except RuleTimeout:
                problems.append(
                    self._rule_error(
                        doc, path, rule, f"exceeded its time budget of {budget:g} s and was stopped"
                    )
                )
            except SystemExit as exc:  # a plugin calling sys.exit must not end the run or set its exit code
                problems.append(
                    self._rule_error(doc, path, rule, f"tried to exit the program (code {exc.code})")
                )
            except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                where = f" at {Path(frame.filename).name}:{frame.lineno}"
                detail = one_line(exc)
                problems.append(
                    self._rule_error(doc, path, rule, f"crashed: {type(exc).__name__}: {detail}{where}")
                )

        directives = parse_directives(doc)
        shown: list[tuple[Rule, Finding]] = []
        for rule, finding in raw:
            suppressed = False
            for directive in directives:
                if directive.covers(matches, finding.start, rule):
                    directive.used.add(rule.code)
                    suppressed = True
            if not suppressed:
                shown.append((rule, finding))
        # yield after suppressing: a finding gives way only to one the reader will see
        kept = [self._diagnostic(doc, path, rule, finding) for rule, finding in self._without_yielded(shown)]

        unused_rule = self.registry.get(UNUSED_SUPPRESSION)
        if unused_rule is not None and unused_rule in rules:
            for directive in directives:
                if not directive.used and directive.action != "enable":
                    names = ", ".join(directive.rules) or "all rules"
                    message = f"suppression of {names} suppresses nothing here"
                    unknown = [n for n in directive.rules if not is_selector(n, self.registry)]
                    if unknown:
                        message = f"suppression names unknown rule {', '.join(repr(n) for n in unknown)}"
                    elif directive.rules and not any(matches(n, r) for n in directive.rules for r in rules):
                        continue  # its rules are not running now (--select/--ignore): it cannot be judged
                    kept.append(
                        self._diagnostic(
                            doc, path, unused_rule, Finding(directive.start, directive.end, message)
                        )
                    )
        kept.extend(problems)
        kept.sort(key=Diagnostic.sort_key)
        return kept

    def _without_yielded(self, raw: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
        """Drop the findings of a rule that yields to another running rule reporting the same words: one
        whose findings overlap at least half of the yielding finding."""
        yielding = {id(rule): rule for rule, _ in raw if rule.yields_to}
        if not yielding:
            return raw
        # per yielding rule: the spans of the other rules' findings it gives way to
        indexes = {
            key: SpanIndex(
                (f.start, f.end, (f.start, f.end))
                for other, f in raw
                if other is not rule and any(matches(s, other) for s in rule.yields_to)
            )
            for key, rule in yielding.items()
        }
        kept = []
        for rule, finding in raw:
            index = indexes.get(id(rule))
            if index is not None and _mostly_covered(finding, index.overlapping(finding.start, finding.end)):
                continue
            kept.append((rule, finding))
        return kept

    def _diagnostic(self, doc: Document, path: str, rule: Rule, finding: Finding) -> Diagnostic:
        lines = doc.lines
        start = Position.at(lines, finding.start)
        end = Position.at(lines, finding.end)
        related = tuple(
            (Position.at(lines, r.start), Position.at(lines, r.end), r.message) for r in finding.related
        )
        severity = self.severity_for(rule)
        if finding.severity and not self.decisions.severity_is_set(rule):
            severity = finding.severity  # a finding may soften itself unless the user set the level
        return Diagnostic(
            path=path,
            code=rule.code,
            name=rule.name,
            category=rule.category,
            severity=severity,
            message=finding.message,
            start=start,
            end=end,
            match=doc.source[finding.start : finding.end],
            fixes=finding.fixes,
            url=rule.doc_url,
            related=related,
            plugin=rule.plugin,
            data=finding.data,
        )

    def _rule_error(self, doc: Document, path: str, rule: Rule, what: str) -> Diagnostic:
        meta = self.registry.get(RULE_ERROR)
        finding = Finding(0, 0, f"rule {rule.code} {rule.name} (plugin {rule.plugin}) {what}")
        assert meta is not None
        return self._diagnostic(doc, path, meta, finding)


def _malformed(finding: object, doc: Document) -> str:
    if not isinstance(finding, Finding):
        return f"expected a rhetlint.Finding, got {type(finding).__name__}"
    if not (isinstance(finding.start, int) and isinstance(finding.end, int)):
        return "start and end must be integers"
    if not 0 <= finding.start <= finding.end <= len(doc.source):
        return f"span {finding.start}..{finding.end} lies outside the file (0..{len(doc.source)})"
    if not isinstance(finding.message, str) or not finding.message:
        return "the message must be a non-empty string"
    return ""


def _mostly_covered(finding: Finding, overlapping: list[tuple[int, int]]) -> bool:
    """Whether the spans overlapping the finding (in order of their starts) cover at least half of it."""
    total, last = 0, finding.start
    for start, end in overlapping:
        start, end = max(start, last), min(end, finding.end)  # last never falls before the finding's start
        if end > start:
            total += end - start
            last = end
    return 2 * total >= max(1, finding.end - finding.start)
