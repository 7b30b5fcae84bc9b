"""Outside services checks may call (LanguageTool); not checks themselves."""


class ServiceError(RuntimeError):
    """An outside service a check needs could not be used; the message says why.

    A check raises it instead of returning nothing, so that the failure is visible: the runner
    turns it into one ``internal`` finding (severity warning) worded "could not run: REASON",
    not "crashed", because nothing is wrong with the check itself."""
