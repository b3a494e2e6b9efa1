package io.cairn.risks;

import java.util.List;

/**
 * One page of a list of risks.
 *
 * @param page the page, from 0
 * @param size the most risks a page holds
 * @param total how many risks the list has on all its pages
 */
public record RiskPage(List<Risk> risks, int page, int size, long total) {

    public RiskPage {
        risks = List.copyOf(risks);
    }
}
