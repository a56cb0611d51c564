package cn.invoicehelp.assistant;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

interface AssistantStates extends CrudRepository<StoredState, UUID> {
}
