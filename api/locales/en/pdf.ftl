# The words of the PDF of a submission (api/src/pdf): the sender's copy, in the language they
# answered in.

pdf-reference = Reference
pdf-submitted = Submitted
pdf-status = Status
pdf-form-version = Form version
pdf-answers = Answers
pdf-question = Question
pdf-answer = Answer
pdf-page = { $footer } - page { $page } of { $pages }
