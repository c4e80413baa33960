"""Closed word classes and word-form helpers that several stages of the attribution analysis read.

These are grammar, not vocabulary: they do not grow with the news (unlike the word lists in
``rhetlint/data/attribution_*.txt``), so they are kept in code. Words only one stage reads live with that stage.
"""

from __future__ import annotations

import re

# Pronouns that can be a speaker, with the antecedent they refer back to.
PRONOUNS = {"he": "person", "she": "person", "i": "self", "we": "self", "you": "self", "they": "group",
            "it": "thing"}
# Words before an ambiguous cue form that make it a noun ("the report", "his claims", "new findings").
NOUN_MARKERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its",
                          "our", "my", "your", "whose", "every", "each", "no", "any", "another", "new",
                          "latest", "recent", "annual", "official", "final", "first", "such", "of", "public",
                          "private", "earlier", "previous", "initial", "preliminary", "own"})
# Auxiliaries, negation and adverbs that may stand between a subject and its reporting verb.
AUX_SKIP = frozenset({"also", "has", "have", "had", "did", "does", "do", "not", "n't", "never", "would", "will",
                      "could", "can", "may", "might", "should", "must", "shall", "then", "later", "previously",
                      "recently", "once", "again", "already", "still", "often", "even", "just", "first", "since",
                      "is", "are", "was", "were", "been", "be", "am", "long", "ever", "too", "now", "further",
                      "however", "both", "all", "each", "always", "only", "reportedly", "didn't", "doesn't",
                      "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "can't", "isn't",
                      "wasn't", "aren't", "weren't", "cannot", "yet", "soon", "last", "here", "today",
                      "yesterday", "tonight"})
# Forms of "be": a participle after one is passive ("is believed").
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "it's", "that's", "'s", "'re"})
# Words that cannot end a subject noun phrase: determiners, quantifiers, numbers, prepositions.
NOT_NP_END = frozenset({"a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my",
                        "your", "some", "many", "most", "several", "few", "other", "another", "each", "every",
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "of",
                        "in", "on", "at", "for", "from", "with", "by", "under", "over", "into", "about",
                        "against", "between", "among", "through", "during", "without", "within", "like",
                        "more", "less", "such", "no", "any", "all", "both", "either", "neither", "upon"})
# Words that start a new clause: a subject never reaches back past one.
CLAUSE_WORDS = frozenset({"that", "and", "but", "or", "nor", "because", "while", "as", "when", "if", "after",
                          "before", "since", "although", "though", "so", "than", "where", "whether", "what",
                          "how", "why", "until", "unless", "whereas", "whom", "who", "which", "whose", "is",
                          "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
                          "can", "may", "might", "should", "must", "to", "not", "said", "says", "did", "do",
                          "does", "there", "here", "yet", "then", "also"})
# Prepositions inside a noun phrase ("the head of the agency", "a spokesman for the ministry").
PREPOSITIONS = frozenset({"of", "for", "at", "from", "with", "in", "on", "to", "by", "within", "inside",
                          "near", "across", "between", "among", "under", "outside", "behind", "around",
                          "beyond", "throughout", "toward", "towards", "over", "about", "against"})
# Relative pronouns: "the man who ran the campaign said" keeps the noun phrase before them.
RELATIVES = frozenset({"who", "which", "whose", "whom"})
# Modifiers that make "people", "those" or "someone" an anonymous source ("people familiar with the talks").
IN_THE_KNOW = frozenset({"familiar", "close", "briefed", "knowledgeable", "involved", "aware", "inside",
                         "within", "privy", "closest"})
# Quantifiers that turn a group into an unspecified part of it ("some Democrats", "many experts").
QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "numerous", "countless", "various",
                         "certain", "lots", "plenty", "multiple", "dozens", "hundreds", "thousands", "millions"})
# Shares of a group, which pick out part of the group after "of" ("55 percent of voters", "a majority of
# Republicans"); kept apart from the quantifiers because "Majority Leader" is a title.
SHARES = frozenset({"percent", "majority", "majorities", "minority", "plurality", "half", "third", "thirds",
                    "quarter", "quarters"})
# Numbers in words, for shares of those asked ("two in three said").
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
# Time words that may sit at the edge of a source ("On Tuesday Smith said", "said Smith on Tuesday").
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "yesterday", "today", "tonight", "earlier", "later", "last", "this", "next", "week",
                        "weekend", "month", "year", "morning", "afternoon", "evening", "night", "on", "in", "at",
                        "during", "january", "february", "march", "april", "june", "july", "august",
                        "september", "october", "november", "december", "now", "then", "meanwhile", "and",
                        "but", "so", "also", "still", "yet", "separately", "instead", "however", "previously"})
# Openers of a comma-bounded aside that does not describe the speaker ("Smith, however, said").
ASIDE_OPENERS = frozenset({"however", "meanwhile", "though", "too", "also", "in", "on", "at", "during", "for",
                           "after", "before", "speaking", "asked", "when", "while", "instead", "nevertheless",
                           "moreover", "furthermore", "then", "now", "still", "later", "earlier", "again",
                           "according", "responding", "writing", "testifying", "appearing", "echoing",
                           "separately", "likewise", "similarly", "indeed", "citing", "like", "unlike", "as", "where"})
# Determiners and possessives that make a document definite ("the report") rather than unnamed ("a study").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                      "your", "whose"})
# Leading words dropped from a canonical name ("the Selwyn Port Authority" -> "Selwyn Port Authority").
NAME_DROP = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our"})
# Pronoun-like words that refer to people named nearby ("another said", "both said").
REFERRING = frozenset({"another", "both", "each", "neither", "either", "one"})

MAX_NP = 8  # longest source read leftwards from a verb, in words


def strip_possessive(word: str) -> str:
    """The word without a possessive ending or a trailing apostrophe: "Ruiz's" and "officials'" name people."""
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


def count_word(norm: str) -> bool:
    """A number in digits or in words up to ten ("10", "three")."""
    return norm.isdigit() or norm in NUMBER_WORDS


def bare(norm: str) -> str:
    """A normalised word without its possessive "'s"."""
    return norm[:-2] if norm.endswith("'s") else norm
# Modal verbs: a reporting or stance verb after one is a possibility ("could announce", "might make a great
# speech"), not a report.
MODALS = frozenset({"might", "could", "would", "may", "should", "must", "can", "will", "shall"})
# Words that take a report or a stand back ("did not comment", "declined to criticise").
NEGATIONS = frozenset({"not", "n't", "never", "declined", "refused"})
# Two capitalised words run together with no space ("MuellerSpeier", "TrumpKamala"), as link text pasted
# from a web page comes out; "McConnell", "DeSantis" and "LaHood" have a short prefix.
LINK_CLUTTER = re.compile(r"[A-Z][a-z]{4,}[A-Z][a-z]")
