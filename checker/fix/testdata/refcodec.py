#!/usr/bin/env python3
"""Reference codecs for the fix tests: Python's own, independent of Go's.

  refcodec.py decode LIST  LIST has lines "ENCODING<TAB>IN<TAB>OUT"; each IN is
                           decoded strictly (a BOM is required for the -bom
                           encodings and removed) and written to OUT as UTF-8.
  refcodec.py big5 OUT     writes "HEX<TAB>CHAR" for each character of the
                           standard Big5 ranges, with the bytes cp950 encodes it as.
"""
import sys

BOMS = {"utf-8-bom": (b"\xef\xbb\xbf", "utf-8"), "utf-16le-bom": (b"\xff\xfe", "utf-16-le"),
        "utf-16be-bom": (b"\xfe\xff", "utf-16-be")}
PLAIN = {"utf-8": "utf-8", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
         "gb18030": "gb18030", "big5": "cp950"}


def decode(listing):
    bad = 0
    for line in open(listing, encoding="utf-8"):
        enc, src, dst = line.rstrip("\n").split("\t")
        data = open(src, "rb").read()
        try:
            if enc in BOMS:
                bom, codec = BOMS[enc]
                if not data.startswith(bom):
                    raise ValueError("BOM missing")
                text = data[len(bom):].decode(codec)
            else:
                if enc.startswith("utf") and (data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff")):
                    raise ValueError("BOM added")
                text = data.decode(PLAIN[enc])
        except (ValueError, UnicodeDecodeError) as e:
            print(f"{src}: {enc}: {e}")
            bad += 1
            continue
        open(dst, "w", encoding="utf-8", newline="").write(text)
    return 1 if bad else 0


def big5(out):
    ranges = [(0xA440, 0xC67E), (0xC940, 0xF9D5), (0xA140, 0xA3BF)]
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        seen = set()
        for lo, hi in ranges:
            for code in range(lo, hi + 1):
                b = bytes([code >> 8, code & 0xFF])
                try:
                    ch = b.decode("cp950")
                except UnicodeDecodeError:
                    continue
                if len(ch) != 1 or ch in seen:
                    continue
                seen.add(ch)
                f.write(f"{ch.encode('cp950').hex().upper()}\t{ch}\n")
    return 0


if __name__ == "__main__":
    sys.exit({"decode": decode, "big5": big5}[sys.argv[1]](sys.argv[2]))
