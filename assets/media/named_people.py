"""How many people a sentence names as its subject ("Алима Абдирова и Ольга Климонова вышли" -> 2): first names and
surnames joined by "и" or commas before the first verb. Moved out of participants.py (round 19), which imports it."""
from __future__ import annotations

import re

from assets.media.text import TOKEN_RE, parses


def named_people(text: str) -> int:
    """How many people a sentence names as its subject: "Алима Абдирова и Ольга Климонова вышли" -> 2
    (first names joined by "и" or commas before the first verb)."""
    if re.search("[әғқңөұүһі]", text.lower()):
        return 0
    head = []
    toks = list(TOKEN_RE.finditer(text))
    for k, m in enumerate(toks):
        ps = parses(m.group(0).lower())
        if ps and ps[0].tag.POS in ("VERB", "GRND"):
            # (a capitalised first name read as a verb before a surname: "Гулим Бабакова")
            nxt = parses(toks[k + 1].group(0).lower()) if k + 1 < len(toks) else []
            if not (k and m.group(0)[:1].isupper() and k + 1 < len(toks) and toks[k + 1].group(0)[:1].isupper()
                    and any("Surn" in p.tag for p in nxt[:3])):
                break
        head.append(m.end())
    if not head:
        return 0
    count = 0
    # (a hyphenated place is no person: "в Нур-Султане и Алма-Ате" read as two first names)
    head_text = re.sub(r"[А-ЯЁ][а-яё]+-[А-ЯЁа-яё][а-яё]+", "", text[:head[-1]])
    for chunk in re.split(r",|\s+и\s+", head_text):
        words = re.findall(r"[А-ЯЁ][а-яё]+", chunk)
        # the pair is the chunk's last capitalised words; lower-case words and a date may follow it before the
        # verb ("и ее сноха Гулим Бабакова 4 июня самостоятельно спуститься ... не смогли")
        tail = chunk[chunk.rfind(words[-1]) + len(words[-1]):] if words else ""
        if len(words) >= 2 and (not tail.strip() or re.fullmatch(r"[\sа-яё\d.,-]*", tail)):
            w1, w2 = words[-2].lower(), words[-1].lower()
            p1, p2 = parses(w1), parses(w2)
            # (a Kazakh first name the dictionary lacks, before a surname: "Гулим Бабакова")
            name1 = any({"Name"} & p.tag.grammemes for p in p1[:3]) or (
                any("Surn" in p.tag for p in p2[:3]) and not any(
                    p.tag.POS in ("NOUN", "ADJF") and not {"Name", "Surn", "Geox"} & p.tag.grammemes for p in p1[:3]))
            if name1 and any({"Surn", "Name"} & p.tag.grammemes for p in p2[:3]):
                count += 1
    return count
