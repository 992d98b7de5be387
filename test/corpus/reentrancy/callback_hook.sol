// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IReceiver {
    function onReceived(address from, uint256 amount) external;
}

contract PointsToken {
    mapping(address => uint256) public points;

    function send(address to, uint256 amount) external {
        require(points[msg.sender] >= amount, "points");
        IReceiver(to).onReceived(msg.sender, amount); // @vulnerable: reentrancy
        points[msg.sender] -= amount;
        points[to] += amount;
    }
}
