"""Checks the template's rules in LibreOffice Calc (see e2e.sh).

usage: check.py TEMPLATE.xlsx PROFILE_DIR

Calc runs headless with a profile of its own; each answer is typed into
the column's fifth row (the rule is written for row 3 and moves with the
cell, as in Excel), and the detective's "mark invalid data" draws one
circle per cell that breaks its rule.
"""
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

# Column, the rule's type as Calc reads it, and answers with whether the
# rule takes them. Columns A-D are the audit fields.
CASES = [
    ("E", "CUSTOM", [(4.5, True), (0, True), (-1, True), ("na", True), ("NA", True), ("Na", True),
                     ("abc", False), ("4,5", False), (" na", False), ("n/a", False)]),
    ("F", "CUSTOM", [(12, True), (0, True), (40000, True), ("na", True), ("NA", True),
                     (2.5, False), (40001, False), (-1, False), ("abc", False)]),
    ("G", "DECIMAL", [(4.5, True), (-1, True), ("na", False)]),
]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(book, profile):
    pipe = "cxkit-template-e2e"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                               "--accept=pipe,name=%s;urp;" % pipe])
    fails = []
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("e2e: LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(book), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName("answers")
        for col, kind, answers in CASES:
            rule = sheet.getCellRangeByName(col + "5").Validation
            print("%s: %s %s" % (col, rule.Type.value, rule.getFormula1()))
            if rule.Type.value != kind:
                fails.append("%s: rule %s, want %s" % (col, rule.Type.value, kind))
            for value, want in answers:
                cell = sheet.getCellRangeByName(col + "5")
                if isinstance(value, str):
                    cell.setString(value)
                else:
                    cell.setValue(value)
                page = sheet.DrawPage
                while page.Count:
                    page.remove(page.getByIndex(0))
                sheet.showInvalid()
                taken = page.Count == 0
                print("  %r: %s" % (value, "taken" if taken else "refused"))
                if taken != want:
                    fails.append("%s: %r %s, want %s" % (col, value, "taken" if taken else "refused",
                                                          "taken" if want else "refused"))
                cell.setString("")
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as Calc quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
    for f in fails:
        print("FAIL: " + f)
    if fails:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
