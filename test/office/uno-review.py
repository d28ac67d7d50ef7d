"""Review a Word file in LibreOffice as counsel would: with track changes on, replace a phrase and
add a paragraph after another; save as .docx. (Inserting a comment through UNO crashes a headless
LibreOffice 7.4, so comments are tested on Word-stored XML in the unit tests.)

Usage: python3 uno-review.py IN.docx OUT.docx PROFILE_DIR REPLACE_FROM REPLACE_TO AFTER_PARAGRAPH NEW_PARAGRAPH
"""
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


src, dst, profile, rep_from, rep_to, after, new_para = sys.argv[1:8]
pipe = "spacecoop%d" % os.getpid()
office = subprocess.Popen(
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
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))

    def find(s):
        d = doc.createSearchDescriptor()
        d.SearchString = s
        r = doc.findFirst(d)
        if r is None:
            sys.exit("not found: " + s)
        return r

    doc.RecordChanges = True
    find(rep_from).setString(rep_to)
    at = find(after)
    text = at.getText()
    cursor = text.createTextCursorByRange(at.getEnd())
    cursor.gotoEndOfParagraph(False)
    text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
    text.insertString(cursor, new_para, False)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=60)
    except Exception:
        office.kill()
