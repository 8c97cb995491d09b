"""The words the tweet path reads: cues, stop words, sentiment, fashion.

Rules are data: every phrase list the tweet extractors match lives here, lowercase.
A cue's direction says where its person is: "before" the cue ("X wins"), "after" it
("goes to X"), or "near" it (either side: "host X", "X, the host").
"""
from __future__ import annotations

# cue phrase -> (kind of the name before it, kind of the name after it); a cue with the
# same kind on both sides ("host") takes the nearer name, one with two kinds ("lost to",
# "beats") takes one name on each side.
CUES: dict[str, tuple[str | None, str | None]] = {}


def _add(before: str | None, after: str | None, phrases: str) -> None:
    for phrase in phrases.split(","):
        if phrase.strip():
            CUES[" ".join(phrase.split())] = (before, after)


# ---------------------------------------------------------------- winning
_add("win", None, """wins, won, win, winning, has won, just won, takes home, took home, takes the,
    took the, takes, took, picks up, picked up, grabs, grabbed, nabs, nabbed, snags, snagged, scoops,
    scooped, bags, bagged, lands, landed, earns, earned, accepts, accepted, accepting, collects,
    claims, claimed, is the winner, wins the, won the, triumphs, walks away with, walked away with,
    goes home with, went home with""")
_add(None, "win", """goes to, went to, go to, awarded to, the winner is, winner is, and the winner,
    winner:, winner -, congrats to, congratulations to, congrats, congratulations, kudos to, props to,
    and the globe goes to, and the golden globe goes to, given to, victory for, the winner of""")
_add("win", "nominee", "beats, beat, beating, beat out, beats out, edges out, edged out, wins over, won over")
_add("nominee", "win", "lost to, loses to, losing to, falls to, fell to")

# ---------------------------------------------------------------- not winning (yet)
# a clause with any of these says nothing about who won: its names are at most nominees
_add("predict", "predict", """will win, would win, could win, might win, may win, should win, shall win,
    gonna win, going to win, better win, needs to win, need to win, has to win, have to win,
    deserves to win, deserve to win, deserves, hope, hoping, hopefully, predict, predicting,
    prediction, predictions, predicted, betting, bet on, my bet, i bet, rooting for, pulling for,
    fingers crossed, my pick, my money, i think, i guess, guessing, likely to win, favorite to win,
    favourite to win, frontrunner, front runner, odds, pls, please let, please win, wish, wishing,
    manifesting, calling it, prayers for, to win tonight, vote for, want to win, wants to win, if she wins,
    if he wins, if they win, if it wins""")
_add("nominee", None, """is nominated, was nominated, are nominated, were nominated, nominated for,
    got nominated, earned a nomination, earned a nom, got a nom, nominated, is up for, are up for,
    was up for, up for, should have won, should've won, shouldve won, deserved to win, deserved it more,
    was robbed, got robbed, robbed, snubbed, got snubbed, lost, loses, didnt win, didn't win,
    did not win, doesnt win, doesn't win, does not win, not winning, losing""")
_add(None, "nominee", """nominees, nominees are, the nominees, nominees:, nominated:, over, fellow nominee,
    fellow nominees, competing with, against, up against""")

# ---------------------------------------------------------------- presenting
_add("present", None, """presenting, presents, present, to present, presented, is presenting,
    are presenting, here to present, on stage to present, handing out, hands out, handed out,
    announcing, announces, gives out, giving out, reads the""")
_add(None, "present", """presented by, presenter, presenters, handed by, handed to him by,
    handed to her by, announced by, presenters:""")

# ---------------------------------------------------------------- hosting
_add("host", "host", """host, hosts, hosting, hosted, co-host, co-hosts, cohost, cohosts,
    emcee, emceeing, mc, monologue, opening monologue, opening bit, opener""")
_add(None, "host", "hosted by")

# words that mark a clause as a joke about someone who is not the host
NOT_HOST = frozenset("should host,next year,should have hosted,wish,instead,bring back".split(","))

# ---------------------------------------------------------------- names
# capitalised words that are not (parts of) names; compared lowercase
STOP_WORDS = frozenset("""
a an the and or but so if of in on at to for from by with as is are was were be been am it its it's
this that these those there here what who whom whose which when where why how all any some no not yes
i i'm im me my mine we us our you your yours he him his she her hers they them their theirs
oh ok okay wow yay yes yeah yep nope omg omfg lol lmao lmfao rofl haha hahaha ha hah ugh eh meh hmm
wtf smh tbh imo imho fyi btw idk ikr jk irl ily nsfw rip tho ya yall y'all dude bro sis girl guys
just now then finally also still even only really very so too well again ever never always
congrats congratulations kudos bravo cheers thanks thank thx love loved loving like liked hate
happy sad great good bad best worst better amazing awesome beautiful gorgeous stunning wonderful
perfect fantastic brilliant incredible hilarious funny epic iconic legend legendary queen king
win wins won winner winners winning lose loses lost loser nominee nominees nominated nomination
host hosts hosting hosted monologue presenter presenters presenting presents present presented
award awards golden globe globes gg ggs goldenglobes goldenglobe globe's trophy
actor actress actors actresses director directors picture pictures motion movie movies film films
drama dramas comedy comedies musical musicals series tv television show shows song songs score
screenplay animated animation feature foreign language limited anthology supporting lead role
performance category categories cinematic box office achievement original stand standup
red carpet dress dresses gown gowns fashion look looks style outfit suit tux tuxedo wearing wore
tonight today yesterday tomorrow night morning evening live watching watch watched stream
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december jan feb dec
rt mt via http https www com pic twitter tweet tweets retweet hashtag
hollywood beverly hilton la nyc usa america american
who's what's that's there's here's he's she's they're we're you're isn't wasn't don't doesn't didn't
can't cannot won't wouldn't couldn't shouldn't let's
mr mrs ms miss dr sir
go going gone get gets got give gives gave take takes took make makes made let lets see saw seen
say says said tell told know knew think thought want wanted need needed hope hoping pls please
one two three four five first second third last next new old big little many much more most
everyone everybody anyone someone nobody people fans fan crowd audience room
speech speeches stage moment night party shot shots camera cameras
predictions prediction odds bet betting pick picks
""".split())

# a name never begins with these (titles of works may: "The Brutalist")
NOT_PERSON_START = frozenset("the a an".split())
# lowercase words allowed inside a name or title: "Guillermo del Toro", "Lord of the Rings"
NAME_PARTICLES = frozenset("de del della der di da das dos du la le van von of the y bin al".split())

# ---------------------------------------------------------------- sentiment
POSITIVE = frozenset("""
love loved lovely loving adore adored amazing awesome great brilliant fantastic wonderful
perfect perfection hilarious funny lol lmao haha hahaha killing killed nailed nailing slay slayed
slaying queen king legend legendary iconic icon deserved deserving deserves congrats congratulations
bravo yay yes woohoo happy thrilled glad excellent incredible stunning gorgeous beautiful classy
elegant charming sweet moving touching emotional inspiring inspired fierce flawless genius smart
sharp witty savage brave bold fun fabulous superb outstanding phenomenal magnificent marvelous
marvellous delightful cheers proud rocked rocking rocks crushed crushing
""".split())
NEGATIVE = frozenset("""
hate hated awful terrible horrible worst boring bored cringe cringey cringy cringeworthy bad sucks
sucked suck meh lame bombing bombed bomb flop flopped painful awkward robbed snub snubbed disappointed
disappointing disappointment overrated unfunny mean rude yikes ugh embarrassing embarrassed trash
garbage dull tedious annoying annoyed offensive tasteless tacky ugly hideous disaster mess messy
sad shame shameful wrong joke cringe-worthy fail failed failing nope ew eww gross weak flat stale
forgettable pathetic ridiculous ruined ruin bland cheap lazy sloppy
""".split())
NEGATORS = frozenset("not no never isnt isn't wasnt wasn't dont don't doesnt doesn't didnt didn't hardly".split())

# ---------------------------------------------------------------- red carpet
FASHION_CONTEXT = frozenset("""
dress dresses dressed gown gowns wearing wore wears outfit outfits look looks fashion style styled
stylist suit suits tux tuxedo couture custom designer carpet redcarpet bestdressed worstdressed
necklace earrings jewels jewelry jewellery diamonds sequins sequined sheer train velvet satin silk
lace tulle corset cape bow neckline
""".split())
BEST_DRESSED = ("best dressed", "bestdressed", "best-dressed", "best look", "best looks", "stunning",
                "gorgeous", "beautiful", "breathtaking", "flawless", "slay", "slayed", "slaying", "killing it",
                "killed it", "nailed it", "elegant", "classy", "stole the show", "stealing the show",
                "looks amazing", "looked amazing", "looks incredible", "love her dress", "love his suit",
                "obsessed with", "fashion icon", "queen", "iconic", "perfection", "fierce", "radiant",
                "glowing", "showstopper", "show stopper", "chic", "divine", "vision")
WORST_DRESSED = ("worst dressed", "worstdressed", "worst-dressed", "worst look", "fashion fail",
                 "fashion disaster", "what is she wearing", "what was she wearing", "what is he wearing",
                 "what was he wearing", "what was she thinking", "what was he thinking", "ugly", "hideous",
                 "tacky", "awful", "terrible", "disaster", "mess", "yikes", "tragic", "no no no",
                 "fire her stylist", "fire his stylist", "fire your stylist", "looks like a", "looked like a",
                 "costume", "bedsheet", "curtain", "shower curtain", "lampshade", "frumpy", "unflattering",
                 "miss", "swing and a miss", "ew", "eww", "cringe", "bad dress", "worst")
COLOURS = ("burnt orange", "hot pink", "baby pink", "pale pink", "blush pink", "navy blue", "royal blue",
           "baby blue", "powder blue", "sky blue", "ice blue", "emerald green", "forest green", "mint green",
           "olive green", "lime green", "blood red", "cherry red", "wine red", "off white", "off-white",
           "red", "scarlet", "crimson", "burgundy", "maroon", "wine", "ruby", "pink", "fuchsia", "magenta",
           "rose", "blush", "coral", "peach", "orange", "tangerine", "yellow", "mustard", "gold",
           "champagne", "beige", "nude", "cream", "ivory", "white", "silver", "grey", "gray", "black",
           "navy", "blue", "cobalt", "teal", "turquoise", "aqua", "green", "emerald", "jade", "sage",
           "mint", "olive", "purple", "violet", "lavender", "lilac", "plum", "mauve", "brown", "chocolate",
           "bronze", "copper", "metallic", "sequin", "pastel")
DESIGNERS = ("Alexander McQueen", "Armani", "Armani Privé", "Giorgio Armani", "Balenciaga", "Balmain",
             "Bottega Veneta", "Burberry", "Calvin Klein", "Carolina Herrera", "Celine", "Chanel",
             "Christian Dior", "Christian Siriano", "Dior", "Dolce & Gabbana", "Dolce and Gabbana",
             "Elie Saab", "Fendi", "Givenchy", "Gucci", "Hermès", "Jason Wu", "Jenny Packham", "Lanvin",
             "Loewe", "Louis Vuitton", "Marc Jacobs", "Marchesa", "Michael Kors", "Miu Miu", "Monique Lhuillier",
             "Moschino", "Naeem Khan", "Oscar de la Renta", "Prabal Gurung", "Prada", "Rabanne", "Ralph Lauren",
             "Reem Acra", "Saint Laurent", "Yves Saint Laurent", "Schiaparelli", "Stella McCartney",
             "Thom Browne", "Tom Ford", "Valentino", "Vera Wang", "Versace", "Zac Posen", "Zuhair Murad",
             "Zuhair Murad", "Tamara Ralph", "Cartier", "Tiffany", "Bulgari", "Bvlgari", "Chopard",
             "Harry Winston", "Vivienne Westwood", "Ferragamo", "Tory Burch", "Alaïa", "Alaia")
# words after which a capitalised name is a designer: "in custom Rodarte", "designed by X"
DESIGNER_CUES = ("wearing custom", "in custom", "custom", "designed by", "dressed by", "gown by",
                 "dress by", "suit by", "look by", "couture by", "wearing")

# ---------------------------------------------------------------- award-name discovery
# (plain English, no ceremony knowledge) words that end a "best ..." phrase
PHRASE_STOP = frozenset("""
goes go going went gone to is was are were be been at tonight so far ever this that these those year the
winner winners wins won win winning nominee nominees nominated nomination presented presenting presents
presenter congrats congratulations just now already again with from for about after before than then
i you he she it we they me him her us them my your his its our their rt via yet still
will would should could can may might must shall did does do has have had not no yes
lol omg wow yay haha ugh
""".split())
# lowercase words a "best ..." award name is never about
PHRASE_NOT_AWARD = frozenset("""
dressed dress dresses outfit outfits look looks speech speeches part parts moment moments joke jokes thing
things night nights line lines friend friends reaction reactions couple couples hair makeup gown gowns
suit suits show shows host hosts hosting party parties tweet tweets meme memes part time times day days
way ways people person one ones seat seats view views red carpet selfie selfies thing reason song-and-dance
""".split())
# word pairs that keep a phrase going across a stop word: "made for television"
PHRASE_BRIDGES = frozenset({("made", "for")})
CEREMONY_WORDS = ("golden globe", "globe", "oscar", "academy award", "emmy", "grammy", "bafta", "sag award")
