package io.pra.failover.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.failover.domain.ApprovalPolicy;

/** Builds the protected site's approval policy from the configuration, naming the setting when it is invalid. */
public class ApprovalPolicyProducer {

    @Produces
    @Singleton
    ApprovalPolicy approvalPolicy(FailoverConfig config) {
        FailoverConfig.Approval approval = config.approval();
        if (approval.checkInterval().isNegative() || approval.checkInterval().isZero()) {
            throw new IllegalArgumentException(
                    "pra.failover.approval.check-interval must be positive, got " + approval.checkInterval());
        }
        try {
            return new ApprovalPolicy(approval.timeout(), approval.onTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid pra.failover.approval.timeout: " + e.getMessage(), e);
        }
    }
}
