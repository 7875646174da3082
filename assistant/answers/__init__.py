"""The answer step: one file per shape of answer, each writing its answer from the decision's evidence, the routing
table that says which shape takes which route (``routes.ROUTES``), the citations every answer numbers, and every text
that says the articles don't say (``messages``)."""
