"""How the saved-article fixtures of this folder were made (run by hand, not by the tests; needs Debian's chromium).

Each page of `pages/` (self-written articles built like a regional news site's page: a menu, the headline, a date
line, the lead, a footer) is opened in headless Chromium at its real-looking address (the host is mapped to a local
server), then saved as a browser saves it: "Save as → Webpage, single file" (`Page.captureSnapshot`, MHTML) and
"Print → Save as PDF" with the browser's header and footer (`Page.printToPDF`, displayHeaderFooter: the date and title
on top, the address and page number below), and once more with Firefox's layout of them (`*.firefox.pdf`: the title
and the address on top, "1 of 2" and the date below). Usage: .venv/bin/python tests/media/saved/make_fixtures.py
"""
from __future__ import annotations

import asyncio
import base64
import functools
import http.server
import json
import pathlib
import subprocess
import tempfile
import threading
import time
import urllib.request

import websockets

HERE = pathlib.Path(__file__).parent
# fixture name -> (page file, the address it is saved from)
PAGES = {
    "uralsk_skver": ("uralsk_skver.html", "http://uralsk-nedelya.example/news/2022/03/12/miting-skver"),
    "aktobe_tariff": ("aktobe_tariff.html", "http://aktobe-zhany.example/kk/news/2023/01/17/tarif"),
}


class _Any(http.server.SimpleHTTPRequestHandler):
    """Every path is the page named by the Host header's fixture."""

    def do_GET(self):  # noqa: N802
        page = HERE / "pages" / self.server.page  # type: ignore[attr-defined]
        body = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


async def _save(ws_url: str, url: str) -> tuple[str, bytes]:
    async with websockets.connect(ws_url, max_size=2 ** 26) as ws:
        n = 0

        async def call(method, **params):
            nonlocal n
            n += 1
            await ws.send(json.dumps({"id": n, "method": method, "params": params}))
            while True:
                r = json.loads(await ws.recv())
                if r.get("id") == n:
                    return r["result"]

        await call("Page.enable")
        await call("Page.navigate", url=url)
        await asyncio.sleep(1.5)
        mhtml = (await call("Page.captureSnapshot", format="mhtml"))["data"]
        pdf = base64.b64decode((await call("Page.printToPDF", displayHeaderFooter=True))["data"])
        # Firefox's layout of the same furniture: the title and the address on top, "1 of 2" and the date below
        style = '<div style="font-size:8px;width:100%;margin:0 1cm;display:flex;justify-content:space-between">'
        firefox = base64.b64decode((await call(
            "Page.printToPDF", displayHeaderFooter=True,
            headerTemplate=style + '<span class="title"></span><span class="url"></span></div>',
            footerTemplate=style + '<span><span class="pageNumber"></span> of <span class="totalPages"></span></span>'
                                   '<span class="date"></span></div>'))["data"])
        return mhtml, pdf, firefox


def main() -> None:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Any)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    for name, (page, url) in PAGES.items():
        srv.page = page  # type: ignore[attr-defined]
        host = url.split("/")[2]
        with tempfile.TemporaryDirectory() as profile:
            proc = subprocess.Popen(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--host-resolver-rules=MAP {host} 127.0.0.1:{port}", "--remote-debugging-port=9333",
                 f"--user-data-dir={profile}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                for _ in range(100):
                    try:
                        tabs = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json"))
                        break
                    except OSError:
                        time.sleep(0.2)
                tab = next(t for t in tabs if t["type"] == "page")
                mhtml, pdf, firefox = asyncio.run(_save(tab["webSocketDebuggerUrl"], url))
            finally:
                proc.terminate()
                proc.wait()
        (HERE / f"{name}.mhtml").write_text(mhtml, encoding="utf-8", newline="")
        (HERE / f"{name}.pdf").write_bytes(pdf)
        (HERE / f"{name}.firefox.pdf").write_bytes(firefox)
    srv.shutdown()


if __name__ == "__main__":
    main()
