"""(session 49) The text of an article kept as a picture — a photo or a screenshot of a page, a scan printed to
PDF — read by optical character recognition: Tesseract (a system program, `apt-get install tesseract-ocr tesseract-ocr-rus
tesseract-ocr-kaz`; Homebrew's `tesseract` and `tesseract-lang`), called through pytesseract, with its Russian, and
where installed its Kazakh and English, data. Pillow opens the picture.

Tesseract is not a Python package: where it (or its Russian data) is not installed, a picture is named with what to
install, never read wrong. What is read is what Tesseract gives, a line of the picture a line; `saved_files` groups the
lines into paragraphs as it does a printed page's (a blank line ends one; a word broken by a hyphen is one again).

Limits against a hostile picture: its size is read from its header before a pixel is decoded (a "decompression bomb"
of a few KB that would unpack to gigabytes is refused), and Tesseract is stopped after OCR_TIMEOUT_S seconds.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import warnings

# the languages read, in Tesseract's names; Russian is needed, the others used where installed
LANGS = ("rus", "kaz", "eng")
# a picture's pixels decoded at most: a page scanned at 300 dpi is ~9 million, a phone's photo 12–50 million (made
# smaller before it is read); past this, a decompression bomb
MAX_PIXELS = 80_000_000
# the longest side Tesseract is given: a larger photo is made smaller, a picture of up to half of it twice as large, and
# then its specks smoothed (a median of 3 × 3 pixels). Measured on the fixtures' pages (make_fixtures.py; Russian and
# Kazakh, 900 and 1,400 px wide, clean and as a scan): the share of characters read right was 0.989–1.000 as they
# are, 0.906–1.000 doubled (a scan's grain doubled too), 0.994–1.000 doubled and smoothed
MAX_SIDE = 4000
# seconds one picture may take (a page takes 3–10 s on one core)
OCR_TIMEOUT_S = 120
# frames of a multi-page TIFF or pictures of a scanned PDF read at most (a scan of an article runs to a few pages)
MAX_FRAMES = 10
INSTALL = ("apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz (Debian, Ubuntu), or brew install "
           "tesseract tesseract-lang (macOS)")


class OcrError(ValueError):
    """The picture cannot be read: no Tesseract, a broken or hostile picture, a timeout; the message says why."""


def languages() -> list[str]:
    """The languages of LANGS that the installed Tesseract reads (looked up on each call: PATH may change). Raises
    OcrError when Tesseract is not installed or reads no Russian."""
    cmd = shutil.which(tesseract_cmd())
    if cmd is None:
        raise OcrError(f"reading a picture needs Tesseract, which is not installed here — install it ({INSTALL}), or "
                       "type the article's text into a .txt file")
    try:
        out = subprocess.run([cmd, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrError(f"Tesseract ({cmd}) did not answer ({type(exc).__name__}): reinstall it ({INSTALL})") from None
    have = {ln.strip() for ln in (out.stdout + out.stderr).decode("utf-8", "replace").splitlines()}
    langs = [lang for lang in LANGS if lang in have]
    if "rus" not in langs:
        raise OcrError(f"Tesseract is installed ({cmd}) without its Russian data — install it ({INSTALL}), or type "
                       "the article's text into a .txt file")
    return langs


def tesseract_cmd() -> str:
    """The program pytesseract runs (its `tesseract_cmd`: "tesseract" on PATH unless set)."""
    import pytesseract

    return pytesseract.pytesseract.tesseract_cmd


def open_frames(raw: bytes) -> list:
    """The picture's frames (a multi-page TIFF's pages, else the one; at most MAX_FRAMES), turned upright as the camera
    recorded (EXIF), made grey (`grey`), sized and smoothed (`_sized`). Raises OcrError for what Pillow cannot open and
    for a picture of more than MAX_PIXELS pixels (checked before decoding)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(raw))
    except Image.DecompressionBombError:  # (Pillow's own limit, twice its warning's, is met on opening)
        raise OcrError(f"a picture of more than {MAX_PIXELS:,} pixels (a decompression bomb, or far more than a page): "
                       "not read") from None
    except UnidentifiedImageError:
        if raw[4:12] in (b"ftypheic", b"ftypmif1", b"ftypavif", b"ftypheix"):
            raise OcrError("a HEIC or AVIF photo (an iPhone's), which Pillow does not open: not read — export it as "
                           "JPEG or PNG") from None
        raise OcrError("a damaged picture (Pillow cannot open it): not read") from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds on a damaged header
        raise OcrError(f"not a readable picture ({type(exc).__name__}: {exc})") from None
    frames = []
    try:
        for i, _ in enumerate(ImageSequence.Iterator(img)):  # (never n_frames: it reads every frame of a long GIF)
            if i >= MAX_FRAMES:
                break
            w, h = img.size
            if w * h > MAX_PIXELS:
                raise OcrError(f"a picture of {w:,} × {h:,} pixels, more than {MAX_PIXELS:,} (a decompression bomb, "
                               "or far more than a page): not read")
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                frame = ImageOps.exif_transpose(img)  # (a copy of this frame)
            frames.append(_sized(grey(frame)))
    except OcrError:
        raise
    except Exception as exc:  # noqa: BLE001 - a truncated or damaged picture fails as it is decoded
        raise OcrError(f"a damaged picture ({type(exc).__name__}: {exc}): not read") from None
    return frames


def grey(img):
    """A frame as 8-bit grey: a transparent one laid on white (a PNG's transparent background read as black would
    hide its text), a 16-bit one (a scanner's "16-bit grey") scaled to 8 bits (Pillow's own conversion clips every
    value past 255 to white)."""
    from PIL import Image

    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        return img.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if img.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("L")
    return img.convert("L")


def _sized(img):
    """The picture made smaller when its longest side is past MAX_SIDE, twice as large when it is at most half of it,
    then smoothed (a median filter of 3 px: a scan's specks and grain go, a letter's strokes stay)."""
    from PIL import Image, ImageFilter

    side = max(img.size)
    scale = MAX_SIDE / side if side > MAX_SIDE else 2 if 2 * side <= MAX_SIDE else 1
    if scale != 1:
        img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.LANCZOS)
    return img.filter(ImageFilter.MedianFilter(3))


def frame_lines(img, langs: list[str]) -> list[tuple[str, int]]:
    """Tesseract's lines of one picture in reading order, each with its height in pixels (a headline's type is larger
    than the text's), a ("", 0) between two of its paragraphs or blocks; the specks at a line's ends taken off."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(img, lang="+".join(langs), timeout=OCR_TIMEOUT_S,
                                         output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as exc:  # (a RuntimeError: before the timeout's)
        raise OcrError(f"Tesseract could not read it ({str(exc.message).strip() or exc.status})") from None
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrError(f"Tesseract did not finish in {OCR_TIMEOUT_S} s ({exc}): not read") from None
    except pytesseract.TesseractNotFoundError:
        raise OcrError(f"Tesseract is not installed here — install it ({INSTALL})") from None
    heights: dict[tuple, int] = {}
    words: dict[tuple, list[str]] = {}
    rows = zip(data["level"], data["block_num"], data["par_num"], data["line_num"], data["height"], data["text"])
    for level, block, par, line, height, text in rows:
        key = (int(block), int(par), int(line))
        if int(level) == 4:
            heights[key] = int(height)
        elif int(level) == 5 and str(text).strip():
            words.setdefault(key, []).append(str(text).strip())
    out: list[tuple[str, int]] = []
    last = None
    for key, ws in words.items():  # (in Tesseract's order)
        [line] = text_lines(" ".join(ws)) or [""]
        if not line:
            continue
        if last is not None and key[:2] != last:
            out.append(("", 0))
        out.append((line, heights.get(key, 0)))
        last = key[:2]
    return out


# a headline's type against the text's: its lines at least this much higher than the text's lines
HEADLINE_HEIGHT = 1.3
# and among its first lines (a site's name, its menu and the date may stand above it)
HEADLINE_WITHIN = 12


def _text_height(lines: list[tuple[str, int]]) -> int:
    """The text's line height: the median of the lines' heights weighted by their letters (the text's many letters
    outweigh a headline's and a menu's few)."""
    total, seen = sum(len(text) for text, _ in lines), 0
    for text, height in sorted(lines, key=lambda line: line[1]):
        seen += len(text)
        if 2 * seen >= total:
            return height
    return 0


def headline_span(lines: list[tuple[str, int]]) -> tuple[int, int] | None:
    """Where the headline is among a picture's lines (start, end: indexes into `lines`): among the first
    HEADLINE_WITHIN lines, the first run of lines HEADLINE_HEIGHT times higher than the text's (`_text_height`) and of
    one type (each within a quarter of the run's first), of two words or more (a logo's one word is passed over); a
    paragraph break inside the run is passed over (Tesseract sets each line of a large headline apart). None when no
    line stands out so (a scan of a text, a post)."""
    filled = [i for i, (text, _) in enumerate(lines) if text]
    if len(filled) < 3:
        return None
    median = _text_height([lines[i] for i in filled])
    tall = {i for i in filled[:HEADLINE_WITHIN] if median and lines[i][1] >= HEADLINE_HEIGHT * median}
    k = 0
    while k < len(filled):
        start = filled[k]
        if start not in tall:
            k += 1
            continue
        end = k
        while end + 1 < len(filled) and filled[end + 1] in tall and \
                abs(lines[filled[end + 1]][1] - lines[start][1]) <= 0.25 * lines[start][1]:
            end += 1
        if len(" ".join(lines[i][0] for i in filled[k:end + 1]).split()) >= 2:
            return start, filled[end] + 1
        k = end + 1
    return None


# what a speck of dirt or a shadow at a line's edge is read as: a run of these alone at either end is no text
_SPECKS_RE = re.compile(r"^(?:[_|~^`¦]+\s+)+|(?:\s+[_|~^`¦]+)+$")
_ONLY_SPECKS_RE = re.compile(r"[_|~^`¦\s]*")


def text_lines(text: str) -> list[str]:
    """Tesseract's text as lines, their whitespace made single and the specks at their ends taken off (a blank line
    stays: it ends a paragraph)."""
    lines = [_SPECKS_RE.sub("", " ".join(ln.split())) for ln in text.splitlines()]
    return ["" if _ONLY_SPECKS_RE.fullmatch(ln) else ln for ln in lines]


def image_pages(raw: bytes) -> list[list[tuple[str, int]]]:
    """Each frame's lines with their heights (frame_lines); raises OcrError."""
    frames = open_frames(raw)  # (first: a broken picture is named as such wherever Tesseract is missing)
    langs = languages()
    return [frame_lines(frame, langs) for frame in frames]
