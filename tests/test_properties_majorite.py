"""Properties of the qualified majority of L5211-5 II (ruleset/majorites.py).

The three-valued version rules call bounds an unknown answer by its two extreme readings; that is
sound only because the majority is monotone in the answers, which is tested here.
"""
from hypothesis import assume, given
from hypothesis import strategies as st

from ruleset.majorites import majorite_qualifiee

membres = st.lists(st.tuples(st.integers(min_value=0, max_value=2_000_000), st.booleans()), min_size=1, max_size=30)
nature = st.booleans()


def split(pairs):
    return [p for p, _ in pairs], [a for _, a in pairs]


@given(membres, nature, st.randoms(use_true_random=False))
def test_the_order_of_the_members_does_not_matter(pairs, syndicat, random):
    populations, accords = split(pairs)
    assume(sum(populations) > 0)
    shuffled = list(pairs)
    random.shuffle(shuffled)
    assert majorite_qualifiee(populations, accords, syndicat) == majorite_qualifiee(*split(shuffled), syndicat)


@given(membres, st.integers(min_value=0, max_value=2_000_000), nature, st.integers(min_value=0))
def test_adding_a_favourable_member_never_breaks_a_majority_that_held(pairs, population, syndicat, where):
    populations, accords = split(pairs)
    assume(sum(populations) > 0)
    assume(majorite_qualifiee(populations, accords, syndicat))
    index = where % (len(pairs) + 1)
    grown = pairs[:index] + [(population, True)] + pairs[index:]
    assert majorite_qualifiee(*split(grown), syndicat)


@given(membres, nature, st.integers(min_value=0))
def test_turning_an_opposed_member_favourable_never_breaks_a_majority(pairs, syndicat, where):
    populations, accords = split(pairs)
    assume(sum(populations) > 0)
    assume(majorite_qualifiee(populations, accords, syndicat))
    turned = list(accords)
    turned[where % len(turned)] = True
    assert majorite_qualifiee(populations, turned, syndicat)


@given(membres, nature)
def test_unanimity_always_reaches_the_majority_and_no_agreement_never_does(pairs, syndicat):
    populations, _ = split(pairs)
    assume(sum(populations) > 0)
    assert majorite_qualifiee(populations, [True] * len(populations), syndicat)
    assert not majorite_qualifiee(populations, [False] * len(populations), syndicat)
