/// The seeded generator lives with the simulation; tests get it from here as before.
@_exported public import KezekSimulation
