// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/seed/seedrandom.h"

#include <limits>

namespace infrasight::data {

SeedRandom::SeedRandom(quint64 seed)
    : m_engine(seed)
{}

quint64 SeedRandom::next()
{
    return m_engine();
}

double SeedRandom::unit()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0); // 2^53
}

quint64 SeedRandom::below(quint64 bound)
{
    Q_ASSERT(bound > 0);
    // Reject the top partial range so every residue is equally likely.
    const quint64 limit
        = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % bound;
    quint64 value = next();
    while (value >= limit) {
        value = next();
    }
    return value % bound;
}

double SeedRandom::between(double low, double high)
{
    return low + (high - low) * unit();
}

bool SeedRandom::chance(double probability)
{
    return unit() < probability;
}

double SeedRandom::hashUnit(quint64 seed, quint64 a, quint64 b)
{
    quint64 x = seed * 0x9E3779B97F4A7C15ULL ^ (a + 0x632BE59BD9B4E019ULL) * 0xBF58476D1CE4E5B9ULL
                ^ (b + 0x94D049BB133111EBULL);
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return double(x >> 11) / double(1ULL << 53);
}

} // namespace infrasight::data
