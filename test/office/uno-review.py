"""Review a Word file in LibreOffice as counsel would: with track changes on, replace a phrase and
add a paragraph after another; save as .docx. (Inserting a comment through UNO crashes a headless
LibreOffice 7.4, so comments are tested on Word-stored XML in the unit tests.)

Usage: python3 uno-review.py IN.docx OUT.docx PROFILE_DIR REPLACE_FROM REPLACE_TO AFTER_PARAGRAPH NEW_PARAGRAPH
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uno_session import office, open_hidden, save_docx  # noqa: E402

src, dst, profile, rep_from, rep_to, after, new_para = sys.argv[1:8]
with office(profile) as (ctx, desktop):
    doc = open_hidden(desktop, src)

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
    save_docx(doc, dst)
