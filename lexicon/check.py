#!/usr/bin/env python3
"""Check the lexicon: python3 lexicon/check.py [--aliases] [FILE.toml ...]

Loads every *.toml in this directory (or the files given) with the standard
library and checks what the loader relies on:

* every file parses; no string in an entry is empty or has leading/trailing spaces;
* [[country]]: iso3/iso2 well formed and unique, name present, alias lists
  are lists of strings without duplicates;
* [[institution]]: kind unique, type and sector valid, name uses {adj} or {country};
* [[entity]]: id well formed (lowercase-hyphen) and unique across all files and
  type/sector valid, country is a known iso3,
  kind names an institution kind and is used at most once per country,
  relations have a valid type and a target that is an entity id or a country iso3,
  PRODUCT_OF only from a product and SUBSIDIARY_OF never from one,
  dates are ISO dates, no duplicate alias within a list;
* other tables (names, events, grammar): empty strings and duplicate strings
  in a list are reported as warnings.

Alias collisions between different entries (the same alias, case-folded, naming
two things), entity aliases that are bare institution nouns ("Treasury",
"Commerce Department": deliberate for the US bodies) and kind bodies whose type
differs from their institution's are counted as warnings; `--aliases` lists them.
Exit status 1 if there is an error.
"""
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

TYPES = {"PERSON", "COMPANY", "AGENCY", "ORGANIZATION", "COUNTRY", "LOCATION", "GROUP", "PRODUCT"}
# CAMEO / PLOVER actor sector codes
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS", "CRM", "CVL",
    "HLH", "LAB", "LEG", "REF", "REL", "NGO", "MNC", "ELI", "AGR", "ENV", "HRI", "RAD", "UAF", "SET",
    "MOD", "DEV", "INS", "IMG", "SOC", "SPO", "TOP",
}
RELATIONS = {"SUBSIDIARY_OF", "PART_OF", "PRODUCT_OF", "FOUNDER_OF", "LEADER_OF", "MEMBER_OF",
             "AFFILIATE_OF", "LOCATED_IN"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
COUNTRY_LISTS = ("en", "de", "adj_en", "adj_de", "demonym_en", "demonym_de", "capital_en", "capital_de")

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


ENTRY_TABLES = ("country", "institution", "entity")


def walk_strings(obj, where, strict):
    """No empty or space-padded strings (errors in entries, warnings elsewhere,
    where "" may mean "none"); duplicates in string lists are warnings."""
    report = err if strict else warn
    if isinstance(obj, str):
        if not obj.strip():
            report(where, "empty string")
        elif obj != obj.strip():
            report(where, f"leading/trailing whitespace in {obj!r}")
    elif isinstance(obj, list):
        strs = [x for x in obj if isinstance(x, str)]
        seen = set()
        for x in strs:
            if x in seen:
                warn(where, f"duplicate {x!r} in list")
            seen.add(x)
        for i, x in enumerate(obj):
            walk_strings(x, f"{where}[{i}]", strict)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            # (A trigger that marks what is no event has no CAMEO code.)
            if k == "cameo" and v == "" and obj.get("none") is True:
                continue
            walk_strings(v, f"{where}.{k}", strict)


def str_list(where, entry, key, required=False):
    if key not in entry:
        if required:
            err(where, f"missing {key}")
        return []
    v = entry[key]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        err(where, f"{key} must be a list of strings")
        return []
    seen = set()
    for x in v:
        if x in seen:
            err(where, f"duplicate alias {x!r} in {key}")
        seen.add(x)
    return v


def main(argv):
    show_aliases = "--aliases" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or sorted(HERE.glob("*.toml"))
    docs = {}
    for f in files:
        try:
            with open(f, "rb") as fh:
                docs[f.name] = tomllib.load(fh)
        except Exception as e:  # noqa: BLE001
            err(f.name, f"does not parse: {e}")
    for name, doc in docs.items():
        for k, v in doc.items():
            walk_strings(v, f"{name}.{k}", k in ENTRY_TABLES)

    countries = {}
    iso2s = {}
    entities = {}
    kinds = {}
    alias_owner = defaultdict(set)  # case-folded alias -> owners

    for fname, doc in docs.items():
        for i, c in enumerate(doc.get("country", [])):
            where = f"{fname}: country[{i}] {c.get('iso3', '?')}"
            iso3, iso2 = c.get("iso3"), c.get("iso2")
            if not isinstance(iso3, str) or not re.fullmatch(r"[A-Z]{3}", iso3):
                err(where, f"bad iso3 {iso3!r}")
            elif iso3 in countries:
                err(where, f"duplicate iso3 {iso3}")
            else:
                countries[iso3] = c
            if not isinstance(iso2, str) or not re.fullmatch(r"[A-Z]{2}", iso2):
                err(where, f"bad iso2 {iso2!r}")
            elif iso2 in iso2s:
                err(where, f"duplicate iso2 {iso2} (also {iso2s[iso2]})")
            else:
                iso2s[iso2] = iso3
            if not c.get("name"):
                err(where, "missing name")
            for key in COUNTRY_LISTS:
                vals = str_list(where, c, key, required=key in ("en", "de"))
                if key in ("en", "de", "capital_en", "capital_de", "demonym_en", "demonym_de"):
                    for a in vals:
                        alias_owner[a.casefold()].add(f"country {iso3}")
            for a in c.get("adj_de", []):
                if a != a.lower() and not re.fullmatch(r"[A-Z][A-Za-z]*(?:-[a-zäöüß-]+)?", a):
                    err(where, f"adj_de {a!r}: stems are lowercase, prefixes a capitalised word")
            if c.get("en") and c["name"] not in c["en"]:
                warn(where, "name not among en aliases")
        for i, inst in enumerate(doc.get("institution", [])):
            where = f"{fname}: institution[{i}] {inst.get('kind', '?')}"
            k = inst.get("kind")
            if not isinstance(k, str) or not ID_RE.match(k):
                err(where, f"bad kind {k!r}")
            elif k in kinds:
                err(where, f"duplicate kind {k}")
            else:
                kinds[k] = inst
            if inst.get("type") not in TYPES:
                err(where, f"bad type {inst.get('type')!r}")
            if "sector" in inst and inst["sector"] not in SECTORS:
                err(where, f"bad sector {inst['sector']!r}")
            name = inst.get("name", "")
            if "{adj}" not in name and "{country}" not in name:
                err(where, "name must contain {adj} or {country}")
            str_list(where, inst, "en", required=True)
            str_list(where, inst, "de", required=True)

    for fname, doc in docs.items():
        for i, e in enumerate(doc.get("entity", [])):
            eid = e.get("id")
            where = f"{fname}: entity[{i}] {eid}"
            if not isinstance(eid, str) or not ID_RE.match(eid):
                err(where, f"bad id {eid!r}")
                continue
            if eid in entities:
                err(where, f"duplicate id (also in {entities[eid][0]})")
                continue
            entities[eid] = (fname, e)
            if not e.get("name"):
                err(where, "missing name")
            if e.get("type") not in TYPES:
                err(where, f"bad type {e.get('type')!r}")
            if "sector" in e and e["sector"] not in SECTORS:
                err(where, f"bad sector {e['sector']!r}")
            if "country" in e and e["country"] not in countries and countries:
                err(where, f"unknown country {e['country']!r}")
            en = str_list(where, e, "en")
            de = str_list(where, e, "de")
            if not en and not de:
                err(where, "no aliases")
            for a in en + de:
                alias_owner[a.casefold()].add(eid)
            for key in ("title_en", "title_de"):
                str_list(where, e, key)

    # kinds: defined, one body per country and kind
    per_country_kind = {}
    for eid, (fname, e) in entities.items():
        k = e.get("kind")
        if k is None:
            continue
        where = f"{fname}: entity {eid}"
        # (A LOCATION may be the seat of institutions: it acts as a subject.)
        if k == "seat":
            if e.get("type") != "LOCATION":
                err(where, "kind 'seat' is for LOCATIONs")
            continue
        if kinds and k not in kinds:
            err(where, f"kind {k!r} is not an institution kind")
        key = (e.get("country"), k)
        if e.get("country") is None:
            err(where, "kind without country")
        elif key in per_country_kind:
            err(where, f"kind {k!r} for {key[0]} already given to {per_country_kind[key]}")
        else:
            per_country_kind[key] = eid

    # relations
    for eid, (fname, e) in entities.items():
        for j, r in enumerate(e.get("relations", [])):
            where = f"{fname}: entity {eid} relation[{j}]"
            if not isinstance(r, dict):
                err(where, "relation must be a table")
                continue
            if r.get("type") not in RELATIONS:
                err(where, f"bad relation type {r.get('type')!r}")
            t = r.get("target")
            if t not in entities and t not in countries:
                err(where, f"target {t!r} is neither an entity id nor a country iso3")
            if t == eid:
                err(where, "relation to itself")
            for d in ("from", "to"):
                if d in r and not (isinstance(r[d], str) and DATE_RE.match(r[d])):
                    err(where, f"{d} must be an ISO date string, got {r[d]!r}")
            # A product belongs to a company (PRODUCT_OF); a company is owned
            # (SUBSIDIARY_OF): the source's type says which.
            if r.get("type") == "PRODUCT_OF" and e.get("type") != "PRODUCT":
                err(where, f"PRODUCT_OF from a {e.get('type')}: a company or body is SUBSIDIARY_OF or PART_OF")
            if r.get("type") == "SUBSIDIARY_OF" and e.get("type") == "PRODUCT":
                err(where, "SUBSIDIARY_OF from a PRODUCT: a product is PRODUCT_OF")
            extra = set(r) - {"type", "target", "from", "to"}
            if extra:
                err(where, f"unknown relation keys {sorted(extra)}")

    # kind bodies: same type as the institution; aliases that are bare institution nouns
    # (resolved by the document's country, so an entry should not claim them)
    for (country, k), eid in per_country_kind.items():
        fname, e = entities[eid]
        if k in kinds and e.get("type") != kinds[k].get("type"):
            warn(f"{fname}: entity {eid}", f"type {e.get('type')} differs from institution {k!r} type {kinds[k].get('type')}")
    nouns = {}
    for k, inst in kinds.items():
        for n in inst.get("en", []) + inst.get("de", []):
            if isinstance(n, str):
                nouns.setdefault(n.casefold(), k)
    bare = sorted((eid, a, nouns[a.casefold()]) for eid, (_, e) in entities.items()
                  for a in e.get("en", []) + e.get("de", []) if isinstance(a, str) and a.casefold() in nouns)
    if bare:
        warn("aliases", f"{len(bare)} entity aliases are bare institution nouns (run with --aliases to list)")
        if show_aliases:
            for eid, a, k in bare:
                print(f"  alias {a!r} of {eid} is an institution noun of kind {k!r}")

    collisions = {a: o for a, o in alias_owner.items() if len(o) > 1}
    if collisions:
        warn("aliases", f"{len(collisions)} aliases name more than one entry (run with --aliases to list)")
        if show_aliases:
            for a in sorted(collisions):
                print(f"  alias {a!r}: {', '.join(sorted(collisions[a]))}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    n_alias = sum(len(e.get("en", [])) + len(e.get("de", [])) for _, e in entities.values())
    print(f"{len(docs)} files, {len(countries)} countries, {len(kinds)} institution kinds, "
          f"{len(entities)} entities ({n_alias} aliases): {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
