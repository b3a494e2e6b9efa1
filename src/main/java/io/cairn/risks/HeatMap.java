package io.cairn.risks;

import java.util.List;

/**
 * RISK-4: how many risks that are not closed lie in each cell of the matrix, by their current and by their residual
 * assessment. {@code current.get(likelihood - 1).get(impact - 1)} counts the risks of that likelihood and impact.
 *
 * @param likelihoods the labels of the rows, lowest first
 * @param impacts the labels of the columns, lowest first
 * @param severities the severity of each cell, as the matrix gives it
 * @param residual the same counts by the residual assessment, of the risks that have one
 */
public record HeatMap(
        List<String> likelihoods,
        List<String> impacts,
        List<List<String>> severities,
        List<List<Long>> current,
        List<List<Long>> residual) {

    public HeatMap {
        likelihoods = List.copyOf(likelihoods);
        impacts = List.copyOf(impacts);
        severities = severities.stream().map(List::copyOf).toList();
        current = current.stream().map(List::copyOf).toList();
        residual = residual.stream().map(List::copyOf).toList();
    }
}
