"""Reading text: languages, sentences with offsets, claim scores and their reasons, speakers, dates.

Nothing here touches the database. The package itself imports nothing, so asking for one part
(telling the language of an article, say) does not load the others' word lists.
"""
