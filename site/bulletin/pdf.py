"""The bulletin as a PDF with the CJK face (fpdf2 embeds the Noto CJK OpenType/CFF font as a subset)."""
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from fpdf import FPDF

from core import fonts

from .records import FIGURES


def _cell_text(value):
    return number_format(value, decimal_pos=2 if not isinstance(value, int) else None)


def bulletin_pdf(page, current, rows_comparison):
    """The bytes of a PDF: the title, the introduction, the totals against last month, the towns."""
    regular, bold = fonts.regular(), fonts.bold()
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(page.title)
    pdf.add_font("cjk", fname=str(regular.path), collection_font_number=regular.index)
    pdf.add_font("cjk", style="B", fname=str(bold.path), collection_font_number=bold.index)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("cjk", "B", 18)
    pdf.multi_cell(0, 10, page.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    if page.introduction:
        pdf.multi_cell(0, 7, page.introduction, new_x="LMARGIN", new_y="NEXT")
    labels = dict(FIGURES)

    pdf.ln(3)
    pdf.set_font("cjk", "B", 13)
    pdf.cell(0, 9, _("Totals and the previous month"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    with pdf.table(col_widths=(40, 30, 30, 30), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT")) as table:
        table.row([pgettext("bulletin table", "Figure"), pgettext("bulletin table", "This month"),
                       pgettext("bulletin table", "Last month"), pgettext("bulletin table", "Change")])
        for name, now, before, change in rows_comparison:
            table.row([str(labels[name]), _cell_text(now), _cell_text(before),
                       ("+" if change > 0 else "") + _cell_text(change)])

    pdf.ln(4)
    pdf.set_font("cjk", "B", 13)
    pdf.cell(0, 9, _("By town or street"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=9)
    with pdf.table(text_align=("LEFT",) + ("RIGHT",) * len(FIGURES)) as table:
        table.row([_("Town or street"), *(str(label) for _name, label in FIGURES)])
        for town, row in sorted(current.towns.items()):
            table.row([town, *(_cell_text(row[name]) for name, _label in FIGURES)])
    return bytes(pdf.output())
