"""(session 49) How the OCR fixtures of this folder were made, kept to make them again: a lead written for the tests
(no real person is named), drawn in DejaVu Serif (Debian's fonts-dejavu) as a page is printed, then

- `lead_ru.png`: the page as a screenshot (grey, clean, 1,400 px wide);
- `lead_kk.png`: a Kazakh lead the same way;
- `scan_ru.pdf`: the Russian page as a scanner gives it: turned by 0.6°, grey noise, saved as a JPEG of quality 55,
  wrapped in a PDF without a text layer (Pillow's PDF writer);
- `photo_ru.jpg`: the page photographed on its side (turned 90°, the camera's EXIF orientation saying so);
- `page_uralsk_skver.png`, `page_aktobe_tariff.png`: headless Chromium's screenshots (1,280 × 1,600) of the two
  self-written news pages of tests/media/saved/pages/ (a site's menu above a headline in a larger type, the date,
  the lead, "read also", the footer), as a monitor's screenshot of a page is.

    .venv/bin/python tests/media/saved/ocr/make_fixtures.py     # writes the six files beside this script
"""
from __future__ import annotations

import io
import random
import subprocess
import textwrap
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

LEAD_RU = """Жители Актобе вышли на митинг против роста тарифов

15 марта 2024 года около 200 жителей Актобе собрались у здания областного акимата, чтобы выразить недовольство повышением тарифов на коммунальные услуги. Участники митинга держали плакаты «Нет грабительским тарифам!».

По словам очевидцев, полиция задержала пятерых активистов. Их доставили в отдел полиции."""

LEAD_KK = """Алматыда белсенділер пикетке шықты

2023 жылғы 12 қыркүйекте Алматыда 30-ға жуық белсенді әкімдік ғимаратының алдында пикет өткізді. Олар қаладағы саябақты сақтап қалуды талап етті."""


def page(text: str, width: int = 1400, size: int = 30) -> Image.Image:
    font = ImageFont.truetype(FONT, size)
    lines: list[str] = []
    for para in text.split("\n"):
        lines += textwrap.wrap(para, 68) or [""]
    step = int(size * 1.45)
    img = Image.new("L", (width, 80 + step * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((60, 40 + step * i), line, font=font, fill=0)
    return img


def scanned(img: Image.Image) -> Image.Image:
    rng = random.Random(49)
    img = img.rotate(0.6, resample=Image.BICUBIC, expand=True, fillcolor=255)
    noise = Image.frombytes("L", img.size, bytes(rng.randrange(0, 40) for _ in range(img.width * img.height)))
    img = ImageChops.subtract(img, noise)  # the paper's grain
    px = img.load()
    for _ in range(img.width * img.height // 60):  # specks
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        px[x, y] = rng.randrange(90, 200)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=55)
    return Image.open(buf)


def main() -> None:
    page(LEAD_RU).save(HERE / "lead_ru.png", optimize=True)
    page(LEAD_KK).save(HERE / "lead_kk.png", optimize=True)
    scanned(page(LEAD_RU)).convert("L").save(HERE / "scan_ru.pdf", "PDF", resolution=150)
    photo = page(LEAD_RU).rotate(90, expand=True)  # the camera held on its side: the pixels turned, EXIF says so
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show upright
    photo.convert("RGB").save(HERE / "photo_ru.jpg", "JPEG", quality=80, exif=exif)
    for name in ("uralsk_skver", "aktobe_tariff"):  # (needs Chromium: apt-get install chromium)
        subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=1280,1600", f"--screenshot={HERE / f'page_{name}.png'}",
                        (HERE.parent / "pages" / f"{name}.html").as_uri()], check=True, capture_output=True, timeout=120)


if __name__ == "__main__":
    main()
