"""The one plural rule of every count said in words (the report's sentences, the CLI's lines, the
validation's messages): which form a noun or a verb takes after a whole number n.

Russian: 1, 21, 101 take the singular ('1 собрание', 'прошло'); 2–4, 22–24 the genitive singular
('2 собрания'); 0, 5–20, 11–14, 25–30 the genitive plural ('5 собраний'). English: 1 the singular,
every other number the plural ('0 cards', '2 cards')."""
from __future__ import annotations


def ru_form(n: float) -> str:
    """'one' (1, 21, 101), 'few' (2–4, 22–24, not 12–14) or 'many' (the rest, 11–14 too)."""
    k = abs(int(round(n)))
    if k % 10 == 1 and k % 100 != 11:
        return "one"
    if k % 10 in (2, 3, 4) and k % 100 not in (12, 13, 14):
        return "few"
    return "many"


def ru(n: float, one: str, few: str, many: str) -> str:
    """The Russian word after n: ru(2, 'карточка', 'карточки', 'карточек') -> 'карточки'."""
    return {"one": one, "few": few, "many": many}[ru_form(n)]


def en(n: float, one: str, many: str | None = None) -> str:
    """The English word after n: en(1, 'card') -> 'card', en(2, 'card') -> 'cards', en(2, 'person', 'people')."""
    return one if int(round(n)) == 1 else (many or one + "s")


def en_count(n: float | None, one: str, many: str | None = None) -> str:
    """'1 card', '0 cards', '2 people' ('None cards' for no number: a message still names what is missing)."""
    if n is None:
        return f"None {many or one + 's'}"
    return f"{int(round(n))} {en(n, one, many)}"
