#!/usr/bin/env python3
"""Deterministic benchmark corpus: N guide pages written three ways from the same bodies.

    corpus.py --pages N --seed S --repo REPO --out DIR

DIR/site   a Crossroads site: REPO's site.yml, templates/, content/questionnaire.yml and
           content/data/, a questionnaire page, plus the generated pages
DIR/hugo   the same pages as a Hugo site (layouts copied from REPO/bench/hugo-theme)
DIR/floor  the bare Markdown bodies, one file per page, for the cmark-gfm floor program

Every page has headings, lists, a GFM table, a task list, links (some of them `@/` cross links
to other generated pages) and emphasis; most have strikethrough and autolinks. The same seed and
page count always give the same bytes.
"""
import argparse
import os
import random
import re
import shutil

SECTIONS = [  # (folder, kind, section title)
    ("comparisons", "comparison", "Comparisons"),
    ("pitfalls", "pitfall", "Pitfalls"),
    ("pendulum", "pendulum", "Pendulum"),
    ("mastery", "mastery-stage", "Mastery"),
    ("guides", "page", "Guides"),
]

TAGS = ["management", "mastery", "choosing", "career-ladder", "individual-contributor", "pendulum",
        "skills", "coaching", "hiring", "feedback", "burnout", "architecture", "mentoring", "staff-engineer",
        "tech-lead", "promotion", "meetings", "deep-work", "writing", "strategy", "compensation", "on-call",
        "team-health", "delegation"]

WORDS = """engineer manager team craft career ladder mastery practice feedback review design system code
project lead role path choice skill growth mentor coach hiring plan budget meeting decision people
expert senior staff principal director organization company product customer problem solution habit
week month year time energy focus calendar conversation trust support goal outcome risk cost reward
learning study depth breadth judgement experience apprentice journeyman master pendulum swing return
hands-on building writing reading testing debugging shipping planning coordinating delegating listening
report promotion title scope influence standing signal pattern trade-off constraint priority deadline
quality process culture incident release roadmap estimate interview onboarding retrospective standup
question answer reason evidence example story lesson mistake doubt confidence curiosity patience
""".split()

VERBS = """build choose learn teach review ship plan measure notice protect explain weigh test compare
decide change grow keep lose earn practise delegate coach hire support question repeat improve""".split()

ADJECTIVES = """careful honest slow steady quiet clear hard useful rare common senior junior technical
practical narrow broad deep shallow healthy costly early late small large real stable uneven""".split()


def sentence(rng, low=8, high=20):
    count = rng.randint(low, high)
    words = []
    for i in range(count):
        pick = rng.random()
        if pick < 0.15:
            words.append(rng.choice(VERBS))
        elif pick < 0.3:
            words.append(rng.choice(ADJECTIVES))
        else:
            words.append(rng.choice(WORDS))
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"]), count


class Page:
    def __init__(self, index, folder, kind, slug):
        self.index, self.folder, self.kind, self.slug = index, folder, kind, slug

    @property
    def content_path(self):
        return f"{self.folder}/{self.slug}.md"


def plan_pages(count, rng):
    pages = []
    for index in range(count):
        folder, kind, _ = SECTIONS[index % len(SECTIONS)]
        slug = f"{rng.choice(ADJECTIVES)}-{rng.choice(WORDS)}-{index:05d}"
        pages.append(Page(index, folder, kind, slug))
    return pages


def paragraph(rng, page, pages, links, features):
    """A paragraph of 3-6 sentences with inline markup; returns (text, words)."""
    parts, total = [], 0
    for _ in range(rng.randint(3, 6)):
        text, words = sentence(rng)
        total += words
        words_in = text.split(" ")
        roll = rng.random()
        position = rng.randint(1, len(words_in) - 1)
        if roll < 0.25:
            words_in[position] = f"**{words_in[position]}**"
        elif roll < 0.45:
            words_in[position] = f"*{words_in[position]}*"
        elif roll < 0.55 and features["strike"]:
            words_in[position] = f"~~{words_in[position]}~~"
        elif roll < 0.65:
            other = pages[rng.randrange(len(pages))]
            words_in[position] = f"[{words_in[position]}]({links(other)})"
        elif roll < 0.70 and features["autolink"]:
            words_in.insert(position, f"https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)}")
        elif roll < 0.75:
            words_in[position] = f"`{words_in[position]}`"
        parts.append(" ".join(words_in))
    return " ".join(parts), total


def body(rng, page, pages, links):
    """The Markdown body of one page, 600-1,450 words."""
    target = rng.randint(560, 1250)
    features = {"strike": rng.random() < 0.85, "autolink": rng.random() < 0.8}
    out, words = [], 0

    def add_paragraph():
        nonlocal words
        text, count = paragraph(rng, page, pages, links, features)
        out.append(text + "\n")
        words += count

    add_paragraph()
    blocks = ["list", "table", "tasks", "ordered", "sub"]
    rng.shuffle(blocks)
    required = list(blocks)
    while words < target or required:
        heading, _ = sentence(rng, 2, 5)
        out.append("## " + heading.rstrip(".?!") + "\n")
        words += len(heading.split())
        add_paragraph()
        kind = required.pop() if required else rng.choice(blocks + ["para", "para"])
        if kind == "list":
            for _ in range(rng.randint(3, 6)):
                text, count = sentence(rng, 5, 12)
                out.append(f"- {text}")
                words += count
            out.append("")
        elif kind == "ordered":
            for number in range(1, rng.randint(3, 6) + 1):
                text, count = sentence(rng, 5, 12)
                out.append(f"{number}. {text}")
                words += count
            out.append("")
        elif kind == "tasks":
            for _ in range(rng.randint(3, 5)):
                text, count = sentence(rng, 4, 10)
                out.append(f"- [{'x' if rng.random() < 0.3 else ' '}] {text}")
                words += count
            out.append("")
        elif kind == "table":
            out.append("| Dimension | Technical track | Management track |")
            out.append("|---|---|---|")
            for _ in range(rng.randint(3, 6)):
                cells = [rng.choice(WORDS).capitalize()] + [sentence(rng, 3, 6)[0] for _ in range(2)]
                words += sum(len(cell.split()) for cell in cells)
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        elif kind == "sub":
            heading, _ = sentence(rng, 2, 4)
            out.append("### " + heading.rstrip(".?!") + "\n")
            add_paragraph()
        else:
            add_paragraph()
    return "\n".join(out) + "\n"


def front_matter(rng, page, pages, hugo):
    title, _ = sentence(rng, 3, 7)
    summary, _ = sentence(rng, 10, 20)
    lines = ["---", f'title: "{title.rstrip(".?!")}"']
    if not hugo:
        lines.append(f"kind: {page.kind}")
    lines.append(f'summary: "{summary}"')
    lines.append(f"weight: {rng.randint(0, 100)}")
    lines.append(f"date: 20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    lines.append("tags: [" + ", ".join(rng.sample(TAGS, rng.randint(1, 4))) + "]")
    if not hugo and rng.random() < 0.5:
        picks = rng.sample(range(len(pages)), min(3, len(pages)))
        lines.append("read_next: [" + ", ".join(pages[i].content_path for i in picks) + "]")
    lines.append("---")
    return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_band_targets(repo, site):
    """The questionnaire's bands name pages to read next, and a build refuses a name that is not
    in the site: give the corpus a short page for each one that is not a generated section."""
    sections = {folder for folder, _, _ in SECTIONS}
    with open(os.path.join(repo, "content", "questionnaire.yml"), encoding="utf-8") as handle:
        text = handle.read()
    for listed in re.findall(r"^\s*next:\s*\[([^\]]*)\]", text, re.MULTILINE):
        for target in (name.strip().strip("'\"") for name in listed.split(",")):
            name = target.rstrip("/")
            if name and name not in sections:
                write(os.path.join(site, "content", name + ".md"),
                      f'---\ntitle: "{name.replace("-", " ").capitalize()}"\nkind: page\nsummary: "Read next."\n---\n'
                      "A page the questionnaire's bands point to.\n")


def one_language(site_yml):
    """site.yml without its `languages:` list (a top-level key and its indented lines)."""
    kept, skipping = [], False
    for line in site_yml.split("\n"):
        if line.startswith("languages:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or line.startswith("-")):
            continue
        skipping = False
        kept.append(line)
    return "\n".join(kept)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    shutil.rmtree(args.out, ignore_errors=True)
    site, hugo, floor = (os.path.join(args.out, name) for name in ("site", "hugo", "floor"))
    # One language: the corpus measures the engine on as many pages as asked for, so the default
    # site's other languages (which would add a fallback of every page) are left out.
    write(os.path.join(makedirs(site), "site.yml"), one_language(open(os.path.join(args.repo, "site.yml"), encoding="utf-8").read()))
    shutil.copytree(os.path.join(args.repo, "templates"), os.path.join(site, "templates"))
    if os.path.isdir(os.path.join(args.repo, "i18n")):  # the theme's words (older checkouts have none)
        shutil.copytree(os.path.join(args.repo, "i18n"), os.path.join(site, "i18n"))
    shutil.copytree(os.path.join(args.repo, "content", "data"), os.path.join(site, "content", "data"),
                    ignore=shutil.ignore_patterns("*.*.yml"))  # translations such as ladders.de.yml
    shutil.copy(os.path.join(args.repo, "content", "questionnaire.yml"), os.path.join(site, "content", "questionnaire.yml"))
    write(os.path.join(site, "content", "questionnaire.md"),
          '---\ntitle: "Which path fits you?"\nkind: page\ntemplate: questionnaire\nsummary: "A self-assessment."\n---\n'
          "Rate {{scoring.items.count}} statements; totals run from {{scoring.total.min}} to {{scoring.total.max}}.\n")
    write_band_targets(args.repo, site)
    shutil.copytree(os.path.join(args.repo, "bench", "hugo-theme", "layouts"), os.path.join(hugo, "layouts"))
    nav = "\n".join(f'  [[menu.main]]\n    name = "{title}"\n    url = "/{folder}/"\n    weight = {i}'
                    for i, (folder, _, title) in enumerate(SECTIONS))
    write(os.path.join(hugo, "config.toml"),
          'baseURL = "http://example.org/"\nlanguageCode = "en"\ntitle = "Crossroads"\nrelativeURLs = true\n'
          'disableKinds = ["RSS"]\n[markup.goldmark.extensions]\n  typographer = true\n  linkify = true\n'
          '  strikethrough = true\n  table = true\n  taskList = true\n[menu]\n' + nav + "\n")

    rng = random.Random(args.seed)
    pages = plan_pages(args.pages, rng)
    crossroads_link = lambda other: f"@/{other.content_path}"
    hugo_link = lambda other: f"/{other.folder}/{other.slug}/"
    for folder, kind, title in SECTIONS:
        intro, _ = sentence(rng, 12, 20)
        if kind == "page":
            continue  # plain pages have no index in Crossroads; Hugo lists them anyway
        write(os.path.join(site, "content", folder, "_index.md"), f'---\ntitle: "{title}"\nsummary: "{intro}"\n---\n{intro}\n')
        write(os.path.join(hugo, "content", folder, "_index.md"), f'---\ntitle: "{title}"\nsummary: "{intro}"\n---\n{intro}\n')
    write(os.path.join(site, "content", "index.md"),
          '---\ntitle: "Crossroads benchmark"\nkind: page\ntemplate: home\nsummary: "A generated corpus."\n---\n'
          "Generated guides for the benchmark.\n")
    write(os.path.join(hugo, "content", "_index.md"), '---\ntitle: "Crossroads benchmark"\n---\nGenerated guides for the benchmark.\n')

    for page in pages:
        page_rng = random.Random(f"{args.seed}-{page.index}")
        state = page_rng.getstate()
        text = body(page_rng, page, pages, crossroads_link)
        page_rng.setstate(state)
        hugo_text = body(page_rng, page, pages, hugo_link)
        meta_rng = random.Random(f"{args.seed}-meta-{page.index}")
        crossroads_meta = front_matter(meta_rng, page, pages, hugo=False)
        meta_rng = random.Random(f"{args.seed}-meta-{page.index}")
        hugo_meta = front_matter(meta_rng, page, pages, hugo=True)
        write(os.path.join(site, "content", page.content_path), crossroads_meta + text)
        write(os.path.join(hugo, "content", page.content_path), hugo_meta + hugo_text)
        write(os.path.join(floor, f"{page.index:05d}.md"), text)


def makedirs(path):
    os.makedirs(path, exist_ok=True)
    return path


if __name__ == "__main__":
    main()
