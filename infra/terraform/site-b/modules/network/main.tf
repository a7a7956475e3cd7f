# VPC across two zones: public subnets (NAT, load balancers) and private subnets (nodes).
# Security groups let the nodes talk Kubernetes to each other and operators in over SSH and
# the API from admin_cidrs only.

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags                 = { Name = var.name }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = var.name }
}

resource "aws_subnet" "public" {
  count                   = length(var.availability_zones)
  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.availability_zones[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, count.index)
  map_public_ip_on_launch = false
  tags                    = { Name = "${var.name}-public-${var.availability_zones[count.index]}" }
}

resource "aws_subnet" "private" {
  count             = length(var.availability_zones)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.availability_zones[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index + 1)
  tags              = { Name = "${var.name}-private-${var.availability_zones[count.index]}" }
}

resource "aws_eip" "nat" {
  count  = length(var.availability_zones)
  domain = "vpc"
  tags   = { Name = "${var.name}-nat-${count.index}" }
}

# One NAT gateway per zone, so losing a zone does not cut the other one's egress.
resource "aws_nat_gateway" "this" {
  count         = length(var.availability_zones)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = { Name = "${var.name}-${var.availability_zones[count.index]}" }
  depends_on    = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
  tags = { Name = "${var.name}-public" }
}

resource "aws_route_table_association" "public" {
  count          = length(var.availability_zones)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  count  = length(var.availability_zones)
  vpc_id = aws_vpc.this.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[count.index].id
  }
  tags = { Name = "${var.name}-private-${var.availability_zones[count.index]}" }
}

resource "aws_route_table_association" "private" {
  count          = length(var.availability_zones)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

resource "aws_security_group" "control_plane" {
  name        = "${var.name}-control-plane"
  description = "Kubernetes control-plane nodes of site B"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-control-plane" }
}

resource "aws_security_group" "worker" {
  name        = "${var.name}-worker"
  description = "Kubernetes worker nodes of site B"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-worker" }
}

resource "aws_vpc_security_group_ingress_rule" "api_from_vpc" {
  security_group_id = aws_security_group.control_plane.id
  description       = "Kubernetes API from the nodes and the internal load balancer"
  cidr_ipv4         = var.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 6443
  to_port           = 6443
}

resource "aws_vpc_security_group_ingress_rule" "api_from_admins" {
  for_each          = toset(var.admin_cidrs)
  security_group_id = aws_security_group.control_plane.id
  description       = "Kubernetes API from the operators' network"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 6443
  to_port           = 6443
}

resource "aws_vpc_security_group_ingress_rule" "etcd" {
  security_group_id            = aws_security_group.control_plane.id
  description                  = "etcd peers and clients between control-plane nodes"
  referenced_security_group_id = aws_security_group.control_plane.id
  ip_protocol                  = "tcp"
  from_port                    = 2379
  to_port                      = 2380
}

resource "aws_vpc_security_group_ingress_rule" "ssh_from_admins_cp" {
  for_each          = toset(var.admin_cidrs)
  security_group_id = aws_security_group.control_plane.id
  description       = "SSH for Ansible from the operators' network"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

resource "aws_vpc_security_group_ingress_rule" "ssh_from_admins_worker" {
  for_each          = toset(var.admin_cidrs)
  security_group_id = aws_security_group.worker.id
  description       = "SSH for Ansible from the operators' network"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

# Pod network (Calico: BGP 179, IP-in-IP 4, VXLAN 4789) and kubelet between all nodes.
resource "aws_vpc_security_group_ingress_rule" "nodes_to_cp" {
  for_each                     = { cp = aws_security_group.control_plane.id, worker = aws_security_group.worker.id }
  security_group_id            = aws_security_group.control_plane.id
  description                  = "Node-to-node traffic (kubelet, CNI) from ${each.key} nodes"
  referenced_security_group_id = each.value
  ip_protocol                  = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "nodes_to_worker" {
  for_each                     = { cp = aws_security_group.control_plane.id, worker = aws_security_group.worker.id }
  security_group_id            = aws_security_group.worker.id
  description                  = "Node-to-node traffic (kubelet, CNI, NodePorts) from ${each.key} nodes"
  referenced_security_group_id = each.value
  ip_protocol                  = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "kafka_external" {
  security_group_id = aws_security_group.worker.id
  description       = "Kafka external listener, for the observer in site A's failure domain"
  cidr_ipv4         = var.site_a_cidr
  ip_protocol       = "tcp"
  from_port         = 9094
  to_port           = 9094
}

resource "aws_vpc_security_group_egress_rule" "cp_all" {
  security_group_id = aws_security_group.control_plane.id
  description       = "Egress through the NAT gateways (packages, images, S3)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_egress_rule" "worker_all" {
  security_group_id = aws_security_group.worker.id
  description       = "Egress through the NAT gateways (packages, images, S3, site A's API)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
