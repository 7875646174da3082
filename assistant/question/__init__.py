"""The question step: a question checked, made standalone from its conversation, and read for its shape, the
period it keeps to and the articles its conversation is about (``Question``, made by ``QuestionReader``)."""
