"""Accept or reject every tracked change of a Word file in LibreOffice, and save the result.

Usage: python3 uno-changes.py accept|reject IN.docx OUT.docx PROFILE_DIR
Run with a Python that has LibreOffice's UNO bridge (Debian: python3-uno, /usr/bin/python3).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uno_session import office, open_hidden, save_docx  # noqa: E402

mode, src, dst, profile = sys.argv[1:5]
with office(profile) as (ctx, desktop):
    doc = open_hidden(desktop, src)
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
    save_docx(doc, dst)
