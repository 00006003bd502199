# The reference for test/statistics/weighting.test.ts: R's survey package weights and
# estimates the same responses. Usage: Rscript weighting.R DIR, where DIR holds
# responses.csv and margins.csv (margin, group, population); writes weights.csv and
# estimates.csv there.
suppressPackageStartupMessages(library(survey))
dir <- commandArgs(trailingOnly = TRUE)[1]
responses <- read.csv(file.path(dir, "responses.csv"), colClasses = c(gemeente = "character", leeftijd = "character", geslacht = "character"))
margins <- read.csv(file.path(dir, "margins.csv"), colClasses = c(group = "character"))
population <- function(name) {
  m <- margins[margins$margin == name, ]
  out <- data.frame(m$group, Freq = m$population)
  names(out)[1] <- name
  out
}

base <- svydesign(ids = ~1, weights = ~1, data = responses)
designs <- list(
  poststratified = postStratify(base, ~gemeente, population("gemeente")),
  raked = rake(base, list(~gemeente, ~leeftijd, ~geslacht),
    list(population("gemeente"), population("leeftijd"), population("geslacht")),
    control = list(maxit = 1000, epsilon = 1e-13))
)
upper <- as.numeric(Sys.getenv("TRIM_UPPER"))
designs$trimmed <- trimWeights(designs$raked, upper = upper)

weights_out <- data.frame(row = seq_len(nrow(responses)))
estimates <- data.frame()
for (name in names(designs)) {
  d <- designs[[name]]
  weights_out[[name]] <- weights(d)
  for (variable in c("cijfer", "eens")) {
    m <- svymean(as.formula(paste0("~", variable)), d, na.rm = TRUE)
    estimates <- rbind(estimates, data.frame(design = name, variable = variable,
      estimate = unname(coef(m)), se = unname(SE(m))))
  }
}
write.csv(weights_out, file.path(dir, "weights.csv"), row.names = FALSE)
write.csv(format(estimates, digits = 17), file.path(dir, "estimates.csv"), row.names = FALSE)
