#!/usr/bin/env python
"""A batch of hand mutants of session 52's reading of text whose bytes do not say their encoding (issue 16): the rule the
card reader and the article reader share (core/cyrillic.py: UTF-16 without its byte-order mark, the Cyrillic code page a
text reads best in), the article reader's use of it (assets/media/parse.py: a page, a text file, a record, a table) and
the card reader's (assets/ingest/csvfile.py: UTF-16 without its mark refused, Mac Cyrillic named); and a Word
document's text boxes (.doc and .docx), an OpenDocument text's frames and Word 6 and 95 documents (assets/media/saved_files.py); a server's Western
default charset over a Russian page (parse.py). Same mechanism and output as the earlier
batches (scripts/mutants_common.py).

    nice -n 10 .venv/bin/python scripts/mutate_by_hand_s52.py          # all
    .venv/bin/python scripts/mutate_by_hand_s52.py --check              # every old text found once (no run)
"""
from __future__ import annotations

import sys

from mutants_common import batch_main

ENC_T = ["tests/media/test_undeclared_encodings.py", "tests/media/test_page_encodings_dates.py"]
CARD_T = [*ENC_T, "tests/test_bad_cells.py", "tests/test_bad_file_types.py"]
CY, PA, CF = "core/cyrillic.py", "assets/media/parse.py", "assets/ingest/csvfile.py"
SF, DOC_T = "assets/media/saved_files.py", ["tests/media/test_doc_files.py"]
DOCX_T, ODT_T = ["tests/media/test_saved_files.py"], ["tests/media/test_odt_rtf.py"]

MUTANTS = [
    # the margin a reading must win by, and the order of a tie
    (CY, "MARGIN = 1.0\n", "MARGIN = 0.0\n", CARD_T),
    (CY, "MARGIN = 1.0\n", "MARGIN = 4.0\n", CARD_T),
    (CY, "    if scores[best] < scores[first] + MARGIN:", "    if scores[best] < scores[first]:", CARD_T),
    (CY, 'CODE_PAGES = ("cp1251", "koi8_r", "mac_cyrillic", "kz1048", "cp866", "iso8859_5")',
     'CODE_PAGES = ("cp1251", "koi8_r", "kz1048", "mac_cyrillic", "cp866", "iso8859_5")', CARD_T),
    # UTF-16 without its byte-order mark
    (CY, "    if len(head) < 16:\n        return None", "    if len(head) < 2:\n        return None", CARD_T),
    (CY, "        if sum(b in (0x00, 0x01, 0x04) for b in high) < 0.95 * len(high) or 0 in low:",
     "        if sum(b in (0x00, 0x01, 0x04) for b in high) < 0.95 * len(high):", CARD_T),
    (CY, "        if sum(b in (0x00, 0x01, 0x04) for b in high) < 0.95 * len(high) or 0 in low:",
     "        if sum(b in (0x00, 0x04) for b in high) < 0.95 * len(high) or 0 in low:", CARD_T),
    (CY, "        if 1 in high or 4 in high or", "        if 4 in high or", CARD_T),
    (CY, "b in (9, 10, 13) for b in low) >= 0.9 * len(low):", "b in (9, 10, 13) for b in low) >= 0.0 * len(low):", CARD_T),
    # a reading's score
    (CY, "            small += ch == low\n", "", CARD_T),
    (CY, "        elif ch.isalpha():\n            foreign += 1", "        elif ch.isalpha():\n            foreign += 0", CARD_T),
    (CY, "        elif ch not in _PUNCTUATION or (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):",
     "        elif ch not in _PUNCTUATION:", CARD_T),
    (CY, '_PUNCTUATION = frozenset("«»“”„‘’—–…№•°\\xa0")', '_PUNCTUATION = frozenset("«»")', CARD_T),
    (CY, "            mixed += a.islower() and b.isupper()", "            mixed += 0", CARD_T),
    (CY, "            common += (a + b).lower() in _COMMON_PAIRS", "            common += 0", CARD_T),
    (CY, "            scripts += a.isascii() != b.isascii()", "            scripts += 0", CARD_T),
    (CY, "- 3 * foreign - 3 * junk - 2 * mixed", "- 3 * foreign - 0 * junk - 2 * mixed", CARD_T),
    # a reading that is Cyrillic at all
    (CY, "    return beyond > 0 and score + neighbours >= 0.9 * beyond", "    return beyond > 0", CARD_T),
    (CY, "    return beyond > 0 and score + neighbours >= 0.9 * beyond", "    return beyond > 0 and score >= 0.9 * beyond",
     CARD_T),
    # the candidates and the sample
    (CY, "    if beyond is None:\n        return first", "    if beyond is None:\n        return None", CARD_T),
    (CY, "    sample = raw[max(beyond.start() - 64, 0):beyond.start() + SAMPLE]", "    sample = raw[:SAMPLE]", CARD_T),
    (CY, "              if cp == first or cp != \"kz1048\" or any(ch in _KAZAKH_SIGNS for ch in text)}",
     "              if True}", CARD_T),
    (CY, "    best = max(scores, key=lambda cp: scores[cp])", "    best = max(reversed(scores), key=lambda cp: scores[cp])",
     CARD_T),
    # the article reader
    (PA, "    if unmarked := cyrillic.utf16_without_mark(body):  #", "    if unmarked := None:  #", ENC_T),
    (PA, "    if enc := cyrillic.code_page(body):\n        return body.decode(enc, errors=\"replace\"), _norm_enc(enc) or enc",
     "    if enc := cyrillic.code_page(body):\n        return body.decode(enc, errors=\"replace\"), enc", ENC_T),
    (CY, "    if unmarked := utf16_without_mark(raw):\n        return raw.decode(unmarked, errors=\"replace\"), unmarked",
     "    if unmarked := None:\n        return raw.decode(unmarked, errors=\"replace\"), unmarked", ENC_T),
    (CY, "        if enc := code_page(raw):\n            return raw.decode(enc, errors=\"replace\"), enc",
     "        if enc := None:\n            return raw.decode(enc, errors=\"replace\"), enc", ENC_T),
    (PA, "        text, enc = cyrillic.read_text(raw)  #", "        text, enc = cyrillic.read_text(raw)[0], \"utf-8\"  #", ENC_T),
    (SF, "    boxes = ccp[3] + ccp[4] + ccp[5] + ccp[7] + ccp[8]", "    boxes = ccp[3] + ccp[4] + ccp[5] + ccp[8]", DOC_T),
    (SF, "    return chars(0, ccp[3]), chars(boxes, boxes + ccp[9])", "    return chars(0, ccp[3]), \"\"", DOC_T),
    (SF, "                off = (fc & 0x3FFFFFFF) // 2 + start - cps[k]", "                off = (fc & 0x3FFFFFFF) // 2", DOC_T),
    (SF, "                off = fc + 2 * (start - cps[k])", "                off = fc", DOC_T),
    (SF, "    if cslw < 10:", "    if cslw < 4:", DOC_T),
    (SF, "    if flags & 0x0004:\n        fc_clx, lcb_clx = _u32(word, 0x160)", "    if False:\n        fc_clx, lcb_clx = _u32(word, 0x160)",
     DOC_T),
    (SF, "        raw = b\"\".join(word[fc:fc + min(cps[k + 1], ccp_text) - cps[k]] for k, fc in enumerate(fcs) if cps[k] < ccp_text)",
     "        raw = b\"\".join(word[fc:fc + cps[k + 1] - cps[k]] for k, fc in enumerate(fcs))", DOC_T),
    (SF, "    return raw.decode(\"cp1251\" if cyrillic.code_page(raw, (\"cp1251\",)) else \"cp1252\", \"replace\")",
     "    return raw.decode(\"cp1252\", \"replace\")", DOC_T),
    (SF, "        word6 = _u16(word, 0) != _FIB_IDENT and _u16(word, 2) in _WORD6_VERSIONS",
     "        word6 = _u16(word, 0) != _FIB_IDENT", DOC_T),
    (SF, "    box_paras, box_links = _doc_paragraphs(stories[1])", "    box_paras, box_links = [], []", DOC_T),
    # (session 52) a .docx's text boxes
    (SF, "            paras += [block, *_docx_text_boxes(block)]", "            paras += [block]", DOCX_T),
    (SF, "                        paras += [para, *_docx_text_boxes(para)]", "                        paras += [para]", DOCX_T),
    (SF, '_DOCX_BOX_PARAS = ".//w:txbxContent[not(ancestor::mc:Fallback)]/w:p"', '_DOCX_BOX_PARAS = ".//w:txbxContent/w:p"',
     DOCX_T),
    # (session 52) an .odt's text frames
    (SF, "            if (content := _frames_in_place(z.read(\"content.xml\"))) is not None:", "            if False:", ODT_T),
    (SF, "            prev.tail = (prev.tail or \"\") + el.tail", "            pass", ODT_T),
    (SF, "            parent.text = (parent.text or \"\") + el.tail", "            pass", ODT_T),
    (SF, "        box.tag = f\"{{{_ODT_TEXT}}}section\"", "        pass", ODT_T),
    (SF, "        para.addnext(box)  #", "        para.getparent().append(box)  #", ODT_T),
    # (session 52) a rich text file's text boxes
    (SF, "    source = _rtf_shapes_as_text(\"\".join(parts) + src[pos:])", "    source = \"\".join(parts) + src[pos:]", ODT_T),
    (SF, "        if ch == \"\\\\\":\n            i += 2", "        if ch == \"\\\\\":\n            i += 1", ODT_T),
    (SF, "        out += [src[pos:m.start()], \"\".join(\"{\" + t + \"\\\\par}\" for t in texts)]",
     "        out += [src[pos:m.start()], \"\".join(\"{\" + t + \"}\" for t in texts)]", ODT_T),
    (SF, "        out += [src[pos:m.start()], \"\".join(\"{\" + t + \"\\\\par}\" for t in texts)]",
     "        out += [src[pos:m.start()], group]", ODT_T),
    # (session 52) an article forwarded as a letter's attachment
    (SF, "    if part is None or len(_plain_words(part)) < COVER_NOTE_CHARS:", "    if part is None:", DOCX_T),
    (SF, "COVER_NOTE_CHARS = 300", "COVER_NOTE_CHARS = 30", DOCX_T),
    (SF, "            attached.published = attached.published or published\n", "", DOCX_T),
    (SF, "    try:\n        return READERS[kind](data)\n    except SavedFileError:\n        return None",
     "    return READERS[kind](data)", DOCX_T),
    (SF, "        text = re.sub(r\"<[^>]*>\", \" \", re.sub(r\"(?is)<(script|style)\\b.*?</\\1>\", \" \", text))",
     "        pass", DOCX_T),
    (SF, "    if kind is None and att.get_content_type() in (\"text/plain\", \"text/html\"):", "    if False:", DOCX_T),
    (SF, "        return Saved(text=cyrillic.read_text(data)[0].strip())", "        return Saved()", DOCX_T),
    (SF, "        return Saved(html=data, html_charset=att.get_content_charset())", "        return Saved()", DOCX_T),
    (SF, "    if att.get_content_type() == \"message/rfc822\":", "    if False:", DOCX_T),
    (SF, "        if depth >= 3:\n            return None", "        if depth >= 4:\n            return None", DOCX_T),
    (SF, "            return read_eml(att.get_content().as_bytes(), depth=depth + 1)",
     "            return read_eml(att.get_content().as_bytes(), depth=depth)", DOCX_T),
    # (session 52) a letter piped to standard input
    (PA, "    if _LETTER_HEAD_RE.match(raw):  #", "    if False:  #", DOCX_T),
    (PA, "                             rb\"(?:From|Subject|Date):[^\\r\\n]*\\r?\\n(?:[ \\t][^\\r\\n]*\\r?\\n)*\"",
     "                             rb\"(?:[A-Za-z][A-Za-z0-9-]*):[^\\r\\n]*\\r?\\n(?:[ \\t][^\\r\\n]*\\r?\\n)*\"", DOCX_T),
    # a server's Western default over a Russian page
    (PA, "        if declared in _WESTERN and utf8 is None and (enc := cyrillic.code_page(body)):",
     "        if False and (enc := cyrillic.code_page(body)):", ENC_T),
    (PA, '_WESTERN = frozenset({"iso8859-1", "cp1252"})', '_WESTERN = frozenset({"iso8859-1"})', ENC_T),
    # the card reader
    (CF, "    return cyrillic.code_page(raw, (\"cp1251\", \"mac_cyrillic\")) == \"mac_cyrillic\"",
     "    return cyrillic.code_page(raw, (\"mac_cyrillic\", \"cp1251\")) == \"mac_cyrillic\"", CARD_T),
    (CF, "    if raw.count(b\"\\x00\") * 4 > len(raw) or cyrillic.utf16_without_mark(raw):",
     "    if raw.count(b\"\\x00\") * 4 > len(raw):", CARD_T),
]

if __name__ == "__main__":
    sys.exit(batch_main(MUTANTS, tuple(dict.fromkeys(CARD_T + DOC_T)), __file__))
