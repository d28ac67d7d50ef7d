"""A headless LibreOffice for the office tests: start it on a private profile, connect over a pipe,
open a document hidden, save it as .docx, and shut LibreOffice down whatever happened.

    with office(profile) as (ctx, desktop):
        doc = open_hidden(desktop, path)
        ...
        save_docx(doc, out)

Run with a Python that has LibreOffice's UNO bridge (Debian: python3-uno, /usr/bin/python3).
"""
import contextlib
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


@contextlib.contextmanager
def office(profile):
    pipe = "spacecoop%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        try:
            yield ctx, desktop
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
    finally:
        try:
            proc.wait(timeout=60)
        except Exception:
            proc.kill()


def open_hidden(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def save_docx(doc, path):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)
