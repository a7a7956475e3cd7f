output "ansible_inventory" {
  description = "Inventory for infra/ansible (read by inventory/terraform_inventory.py): groups of hosts with their private addresses and zones."
  value = {
    control_plane = {
      for i, node in module.compute.control_plane_nodes : node.name => {
        ansible_host = node.private_ip
        zone         = node.zone
      }
    }
    workers = {
      for i, node in module.compute.worker_nodes : node.name => {
        ansible_host = node.private_ip
        zone         = node.zone
      }
    }
    vars = {
      control_plane_endpoint = module.compute.api_endpoint
      velero_bucket          = module.storage.bucket_name
      velero_region          = var.region
      pod_cidr               = "192.168.0.0/16"
      dns_zone_id            = var.dns_zone_id
    }
  }
}

output "velero_bucket" {
  description = "Off-site bucket both sites' Velero BackupStorageLocations point at."
  value       = module.storage.bucket_name
}

output "velero_site_a_writer_user" {
  description = "IAM user whose access key (created by an operator, never by Terraform) goes into site A's velero-offsite-credentials Secret."
  value       = module.iam.site_a_writer_user_name
}

output "api_endpoint" {
  description = "DNS name of the internal load balancer in front of the control-plane nodes (port 6443)."
  value       = module.compute.api_endpoint
}
