# Geiriau PDF ffurflen a gyflwynwyd (api/src/pdf), allwedd am allwedd â ../en/pdf.ftl.
# A message under a "# review" comment is the development team's own Welsh: a translator must
# check it, then remove the comment.

# review
pdf-reference = Cyfeirnod
# review
pdf-submitted = Cyflwynwyd
# review
pdf-status = Statws
# review
pdf-form-version = Fersiwn y ffurflen
# review
pdf-answers = Atebion
# review
pdf-question = Cwestiwn
# review
pdf-answer = Ateb
# review
pdf-page = { $footer } - tudalen { $page } o { $pages }
