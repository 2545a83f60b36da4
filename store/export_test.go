package store

// NearestSQL is Nearest's query, for a test of its plan.
var NearestSQL = nearestSQL
