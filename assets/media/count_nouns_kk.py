"""Which Kazakh words after a figure are people (moved out of counts.py in session 27, which imports them under the
same names): a trade or a group ("40-қа жуық тұрғын", "30 қызметкер"), any agent noun ("35 шақты күзетші"), a demonym
with the crowd's verb ("жүздеген алматылық жиналып"), and the Kazakh "about" / "more than" told after the figure."""
from __future__ import annotations

import re

from assets.media.numbers_kk import KK_AGENT

# a Kazakh bound told after the figure ("-ге жуық", "-ден астам", "-дей", "шақты"; session 54: "-ге дейін", up to),
# optional
KK_BOUND_AFTER = r"^\s*(?:-?\s*(?:ға|ге|қа|ке)\s+(?:жуық|тарта|дейін)|-?\s*(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық|аса)|-?\s*(?:дей|дай|тей|тай)\b|\s*шақты\b)?\s*"
KK_PEOPLE_RE = re.compile(KK_BOUND_AFTER +
                          # (round 19) up to three words, adjectives joined by a comma among them ("ондаған көп балалы,
                          # жалғызілікті ана"), never a digit ("5 мектеп, 3 аурухана бар, тұрғындар")
                          r"(?:[^\W\d]+\s+|[^\W\d]+(?:лы|лі|ты|ті|ды|ді|сыз|сіз),\s+){0,3}?(адам|тұрғын|үлескер|қатысушы|жұмысшы|әйел|ата-ана|ана|зейнеткер|белсенді|шаруа|кісі|азамат|шахтер|кенші|"
                          # (session 39: "жас" a whole word, not the start of "жасасақ", "8-10 ауысым жасасақ та": shifts)
                          r"мұнайшы|мұғалім|дәрігер|жүргізуші|кәсіпкер|студент|жас\b|ер\b|ерлер|"
                          # (round 16) young men and girls, employees, agent nouns of protest and of trades
                          # ("екі жігіт", "25 наразылық білдірушіні", "30 қызметкер", "шерушілер")
                          r"жігіт|қыз\b|қыздар|қызметкер|білдіруші|шеруші|ереуілші|наразылар|наразыны|наразы\b|оқушы|ерікті|"
                          r"сатушы|құрылысшы|жастар)", re.I)
# (session 27) a Kazakh demonym as the crowd, with the crowd's verb after it ("жүздеген алматылық жиналып", "мыңдаған
# шымкенттік әкімдік алдына жиналды"); not a demonym that qualifies a noun ("100 алматылық отбасы": no verb follows)
KK_DEMONYM_PEOPLE_RE = re.compile(KK_BOUND_AFTER + r"([^\W\d]+(?:лық|лік|дық|дік|тық|тік)(?:тар|тер|дар|дер|лар|лер)?)\s+"
                                  r"(?:[^\W\d]+\s+){0,3}?(?:жинал|шығ|шық|кел|қатыс|наразылық\s+білдір|талап\s+ет)", re.I)
# (s23) any agent noun right after the figure or its bound ("35 шақты күзетші"; not "20 жыл бойы күзетші болған")
KK_AGENT_PEOPLE_RE = re.compile(KK_BOUND_AFTER + "(" + KK_AGENT + ")", re.I)
KK_APPROX_RE = re.compile(r"^\s*-?\s*(?:(?:ға|ге|қа|ке)\s+(?:жуық|тарта|дейін)|(?:дан|ден|тан|тен|нан|нен)\s+(?:астам|артық|аса)|"
                          r"(?:дей|дай|тей|тай)\b)\s+", re.I)
