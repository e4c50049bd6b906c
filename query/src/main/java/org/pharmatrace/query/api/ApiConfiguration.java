package org.pharmatrace.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pharmatrace.query.QueryProperties;
import org.pharmatrace.query.access.QueryAuditLog;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.ResourceLists;
import org.pharmatrace.query.index.EventIndexer;
import org.pharmatrace.query.proof.EventVerification;
import org.pharmatrace.query.report.CustodyReport;
import org.pharmatrace.query.report.RecallReach;
import org.pharmatrace.query.subscription.NamedQueries;
import org.pharmatrace.query.subscription.Subscriptions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ContentNegotiationManager;

/** The query side's HTTP handlers, their handler mapping and their error answers. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    QueryApiHandlerMapping queryApiHandlerMapping(QueryAuditLog audit, Viewers viewers,
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation) {
        QueryApiHandlerMapping mapping = new QueryApiHandlerMapping();
        mapping.setContentNegotiationManager(contentNegotiation);
        mapping.setInterceptors(new QueryRequestInterceptor(audit, viewers));
        return mapping;
    }

    @Bean
    QueryProblems queryProblems(ObjectMapper json) {
        return new QueryProblems(json);
    }

    @Bean
    EventsApi eventsApi(EventQueries queries, ResourceLists resources, Viewers viewers, QueryProperties properties) {
        return new EventsApi(queries, resources, viewers, properties);
    }

    @Bean
    NamedQueriesApi namedQueriesApi(NamedQueries queries, Subscriptions subscriptions, Viewers viewers, EventsApi events) {
        return new NamedQueriesApi(queries, subscriptions, viewers, events);
    }

    @Bean
    VerificationApi verificationApi(EventVerification verification, Viewers viewers) {
        return new VerificationApi(verification, viewers);
    }

    @Bean
    ReportsApi reportsApi(CustodyReport custody, RecallReach recall, Viewers viewers) {
        return new ReportsApi(custody, recall, viewers);
    }

    @Bean
    OversightApi oversightApi(QueryAuditLog audit, EventIndexer indexer, Viewers viewers) {
        return new OversightApi(audit, indexer, viewers);
    }
}
