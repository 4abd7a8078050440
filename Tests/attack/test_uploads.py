#!/usr/bin/env python3
"""Crafted uploads against a running TreEm server, as an attacker with an account would send them.

Every file is made here (nothing crafted is committed). Each must be refused or read in under a
second, the server must keep answering /health, and its memory must stay bounded — alone and
when several arrive at once.

Environment:
  TREEM_URL              the server, e.g. http://127.0.0.1:8080 (required)
  TREEM_ADMIN_PASSWORD   the admin password it was started with (required)
  TREEM_SERVER_PID       its process id, to read its memory from /proc (optional)
  TREEM_MEMORY_LIMIT_MB  the bound on the server's peak memory (default 300)
"""
import io
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
import zipfile

URL = os.environ["TREEM_URL"].rstrip("/")
PASSWORD = os.environ["TREEM_ADMIN_PASSWORD"]
PID = os.environ.get("TREEM_SERVER_PID")
MEMORY_LIMIT_MB = int(os.environ.get("TREEM_MEMORY_LIMIT_MB", "300"))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def request(method, path, body=None, headers=None, timeout=30):
    req = urllib.request.Request(URL + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def token():
    status, body = request("POST", "/api/v1/auth/token", json.dumps({"username": "admin", "password": PASSWORD}).encode(),
                           {"Content-Type": "application/json"})
    assert status == 200, (status, body[:300])
    return json.loads(body)["token"]


def docx(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def numbered(count):
    paragraph = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                 '<w:r><w:t>Nhiệm vụ</w:t></w:r></w:p>')
    return f'<w:document {W}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>{paragraph * count}</w:body></w:document>'


def numbering(start, fmt, text="%1."):
    return (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def bomb_entry(size):
    """A deflated entry of `size` bytes of spaces: a few hundred KB that inflate to `size`."""
    return b" " * size


def crafted():
    laughs = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + ']>' + \
        f'<w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'
    yield "numbering start 2^63-1", docx({"word/document.xml": numbered(20), "word/numbering.xml": numbering("9223372036854775807", "decimal")})
    yield "numbering start -2^63", docx({"word/document.xml": numbered(20), "word/numbering.xml": numbering("-9223372036854775808", "lowerLetter")})
    yield "upper roman from 2,000,000,000", docx({"word/document.xml": numbered(20), "word/numbering.xml": numbering("2000000000", "upperRoman")})
    yield "lvlText with every level", docx({"word/document.xml": numbered(200),
                                             "word/numbering.xml": numbering("32767", "upperRoman", "%1.%2.%3.%4.%5.%6.%7.%8.%9." * 50)})
    yield "33,000 unclosed paragraphs", docx({"word/document.xml": "<w:document><w:body>" + "<w:p>" * 33_000})
    yield "100,000 nested elements", docx({"word/document.xml": f"<w:document {W}><w:body>" + "<w:p><w:r>" * 50_000})
    yield "mismatched tags", docx({"word/document.xml": f"<w:document {W}><w:body>" + "<w:p><w:r></w:p></w:r>" * 20_000})
    yield "billion laughs", docx({"word/document.xml": laughs})
    yield "document.xml inflating to 300 MB", docx({"word/document.xml": bomb_entry(300 << 20)})
    yield "twenty entries of 30 MB each", docx({"word/document.xml": numbered(5), **{f"word/media/{i}.bin": bomb_entry(30 << 20) for i in range(20)}})
    yield "20,000 entries", docx({"word/document.xml": numbered(5), **{f"{i:x}": b"" for i in range(20_000)}}, zipfile.ZIP_STORED)
    truncated = docx({"word/document.xml": numbered(50)})
    yield "truncated archive", truncated[: len(truncated) // 2]
    yield "random bytes after a ZIP signature", b"PK\x03\x04" + os.urandom(4000)


def upload(auth, name, data):
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            'Content-Type: application/octet-stream\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Authorization": f"Bearer {auth}", "Content-Type": f"multipart/form-data; boundary={boundary}"}
    start = time.monotonic()
    status, answer = request("POST", "/api/v1/plans/import", body, headers)
    return status, answer, time.monotonic() - start


def peak_memory_mb():
    if not PID:
        return None
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def main():
    auth = token()
    files = list(crafted())
    for name, data in files:
        status, answer, seconds = upload(auth, "ke-hoach.docx", data)
        message = json.loads(answer).get("error", {}).get("message", "") if status != 200 and answer[:1] == b"{" else ""
        # An ordinary file of the same size, refused at once as not a plan: what the upload itself
        # costs (a debug build's multipart parser takes about 0.6 s per MB). The crafted file may
        # cost at most a second more than that.
        _, _, baseline = upload(auth, "ghi-chu.txt", b"x" * len(data))
        check(status in (200, 413, 422), f"{name} ({len(data):,} bytes): HTTP {status} in {seconds:.2f} s "
                                         f"(a plain file of that size: {baseline:.2f} s) {message[:120]}")
        check(seconds - baseline < 1.0, f"{name}: answered in under a second beyond the upload itself")
        check(request("GET", "/health", timeout=5)[0] == 200, f"{name}: /health still answers")

    # Several of the worst at once: each is read, refused or told the server is busy (429) — and
    # the server keeps answering.
    worst = [data for name, data in files if "300 MB" in name or "30 MB" in name or "33,000" in name] * 3
    results = []

    def send(data):
        results.append(upload(auth, "ke-hoach.docx", data))

    threads = [threading.Thread(target=send, args=(data,)) for data in worst]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    health = request("GET", "/health", timeout=5)[0]
    for thread in threads:
        thread.join()
    check(health == 200, "/health answers while nine crafted files are being read")
    check(all(status in (200, 413, 422, 429) for status, _, _ in results),
          f"nine concurrent crafted files: {sorted(status for status, _, _ in results)} in {time.monotonic() - start:.2f} s")
    check(request("GET", "/health", timeout=5)[0] == 200, "/health answers afterwards")

    peak = peak_memory_mb()
    if peak is not None:
        check(peak < MEMORY_LIMIT_MB, f"the server's peak memory {peak:.0f} MB stays under {MEMORY_LIMIT_MB} MB")

    print(f"{len(failures) == 0 and 'passed' or 'FAILED'}: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
